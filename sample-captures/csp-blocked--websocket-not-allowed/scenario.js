// csp-blocked--websocket-not-allowed: page on 48671 with a CSP that allows http://127.0.0.1:48672
// but not ws://127.0.0.1:48672; socket.io 4 server on 48672 (CORS allows the page). Polling
// connects, the upgrade is blocked.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PAGE_PORT: '48671', SOCKET_PORT: '48672' }, log: 'server.log', debug: '' });
  await rec.waitPort(48671);
  await rec.waitPort(48672);
  await rec.record({ url: 'http://127.0.0.1:48671/', duration: 7000 });
};
