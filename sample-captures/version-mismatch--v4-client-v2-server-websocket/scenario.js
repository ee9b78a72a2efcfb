// version-mismatch--v4-client-v2-server-websocket: v4 client, websocket only, socket.io 2.4.1 server.
// The engine session opens but no heartbeat flows (v3 wants client PINGs, v4 waits for server
// PINGs): the session dies every ~30 s (25 s + 5 s). Recorded 105 s.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47185' }, log: 'server.log' });
  await rec.waitPort(47185);
  await rec.record({ url: 'http://127.0.0.1:47185/', duration: 105000 });
};
