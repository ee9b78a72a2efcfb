// transport-unknown--playwright-omit-server-websocket-only: Playwright recordHar, content: 'omit'.
// server `transports: ['websocket']`, the client starts with polling: every polling handshake is answered 400 Transport unknown.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec, { TRANSPORTS: 'websocket' });
  const url = `http://127.0.0.1:${port}/`;
  await x.playwright(rec, { url, content: 'omit', duration: 7000 });
};
