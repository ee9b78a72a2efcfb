// transport-unknown--chrome-sanitized-server-websocket-only: stand-in for Chrome DevTools' sanitized HAR export.
// server `transports: ['websocket']`, the client starts with polling: every polling handshake is answered 400 Transport unknown.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec, { TRANSPORTS: 'websocket' });
  const url = `http://127.0.0.1:${port}/`;
  await x.chromeSanitized(rec, { url, duration: 7000 });
};
