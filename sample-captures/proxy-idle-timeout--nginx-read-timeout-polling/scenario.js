// proxy-idle-timeout--nginx-read-timeout-polling: nginx's proxy_read_timeout 10s cuts every held
// long-poll of a polling-only client (socket.io pingInterval 25 s) with a 504. Recorded ~35 s.
// The server is proxy-idle-timeout--haproxy-tunnel-timeout's server.js, serving this folder's
// client.html (PAGE_DIR). Both ports are chosen by the OS.
const { freePort, nginxWith } = require('../recorder/lib/processes');

module.exports = async (rec) => {
  const app = await freePort();
  const lb = await freePort();
  rec.node('server', '../proxy-idle-timeout--haproxy-tunnel-timeout/server.js',
    { env: { PORT: String(app), PAGE_DIR: rec.dir }, log: 'server.log' });
  await rec.waitPort(app);
  await nginxWith(rec, 'nginx.conf', { LB: lb, APP: app });
  await rec.record({ url: `http://127.0.0.1:${lb}/`, duration: 35000 });
};
