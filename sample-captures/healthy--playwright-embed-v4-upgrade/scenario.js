// healthy--playwright-embed-v4-upgrade: Playwright recordHar, content: 'embed'.
// socket.io 4 server and client, same origin, polling then WebSocket upgrade, 4 chat messages.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec);
  const url = `http://127.0.0.1:${port}/`;
  await x.playwright(rec, { url, content: 'embed', duration: 7000 });
};
