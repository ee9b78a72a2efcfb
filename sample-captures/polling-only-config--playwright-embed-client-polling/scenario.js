// polling-only-config--playwright-embed-client-polling: Playwright recordHar, content: 'embed'.
// socket.io 4 server and client with `transports: ['polling']`: the session stays on HTTP long-polling,
// so a long-poll is still open when the recording stops (how does the exporter write it?).
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec);
  const url = `http://127.0.0.1:${port}/?transports=polling`;
  await x.playwright(rec, { url, content: 'embed', duration: 7000 });
};
