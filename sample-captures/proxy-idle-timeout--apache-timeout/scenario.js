// proxy-idle-timeout--apache-timeout: Apache httpd 2.4 (Debian) tunnels the WebSocket upgrade
// (mod_proxy_http, `upgrade=websocket`) with `Timeout 5` / `ProxyTimeout 5`: the idle WebSocket is
// closed every ~5 s (socket.io pingInterval 25 s). Recorded ~27 s to show >= 4 disconnects. The
// server is proxy-idle-timeout--haproxy-tunnel-timeout's server.js, serving this folder's
// client.html (PAGE_DIR). Both ports are chosen by the OS.
const { freePort, apache } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, backend] = [await freePort(), await freePort()];
  rec.node('server', '../proxy-idle-timeout--haproxy-tunnel-timeout/server.js',
    { env: { PORT: String(backend), PAGE_DIR: rec.dir }, log: 'server.log' });
  await rec.waitPort(backend);
  await apache(rec, 'httpd.conf', { PORT: port, BACKEND: backend });
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 27000 });
};
