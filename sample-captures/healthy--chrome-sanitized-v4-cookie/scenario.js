// healthy--chrome-sanitized-v4-cookie: stand-in for Chrome DevTools' sanitized HAR export.
// socket.io 4 server with the engine.io `cookie` option (Set-Cookie io=<sid> on the handshake), same origin, polling then WebSocket upgrade, 4 chat messages.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec, { COOKIE: '1' });
  const url = `http://127.0.0.1:${port}/`;
  await x.chromeSanitized(rec, { url, duration: 7000 });
};
