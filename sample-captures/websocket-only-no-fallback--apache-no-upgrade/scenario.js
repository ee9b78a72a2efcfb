// websocket-only-no-fallback--apache-no-upgrade: a client with transports ['websocket'] through
// Apache httpd 2.4 (Debian) proxying /socket.io/ without `upgrade=websocket`: Apache drops the
// Upgrade/Connection headers, engine.io refuses the plain GET, and the client has no polling to fall
// back on. The server is proxy-idle-timeout--haproxy-tunnel-timeout's server.js (default
// heartbeat), serving this folder's client.html (PAGE_DIR). Both ports are chosen by the OS.
const { freePort, apache } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, backend] = [await freePort(), await freePort()];
  rec.node('server', '../proxy-idle-timeout--haproxy-tunnel-timeout/server.js',
    { env: { PORT: String(backend), PAGE_DIR: rec.dir }, log: 'server.log' });
  await rec.waitPort(backend);
  await apache(rec, 'httpd.conf', { PORT: port, BACKEND: backend });
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 8000 });
};
