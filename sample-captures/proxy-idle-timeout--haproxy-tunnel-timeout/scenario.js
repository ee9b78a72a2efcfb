// proxy-idle-timeout--haproxy-tunnel-timeout: HAProxy's `timeout tunnel 5s` cuts the idle
// WebSocket every ~5 s (socket.io pingInterval 25 s). Recorded ~27 s to show >= 4 disconnects.
// Both ports are chosen by the OS (other recordings may run at the same time).
const { freePort, haproxy } = require('../recorder/lib/processes');

module.exports = async (rec) => {
  const app = await freePort();
  const lb = await freePort();
  rec.node('server', 'server.js', { env: { PORT: String(app) }, log: 'server.log' });
  await rec.waitPort(app);
  await haproxy(rec, 'haproxy.cfg', { LB: lb, APP: app });
  await rec.record({ url: `http://127.0.0.1:${lb}/`, duration: 27000 });
};
