// healthy--playwright-omit-v4-upgrade: Playwright recordHar, content: 'omit'.
// socket.io 4 server and client, same origin, polling then WebSocket upgrade, 8 chat messages (`?n=8`).
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec);
  // 8 chat messages over ~10 s: Playwright's WebSocket `time` runs to the last frame (see README)
  const url = `http://127.0.0.1:${port}/?n=8`;
  await x.playwright(rec, { url, content: 'omit', duration: 12000 });
};
