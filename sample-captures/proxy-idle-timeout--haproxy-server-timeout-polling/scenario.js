// proxy-idle-timeout--haproxy-server-timeout-polling: HAProxy's `timeout server 10s` cuts every
// held long-poll of a polling-only client (socket.io pingInterval 25 s) with a 504. Recorded ~35 s
// to show 3 cuts.
// Both ports are chosen by the OS (other recordings may run at the same time).
const { freePort, haproxy } = require('../recorder/lib/processes');

module.exports = async (rec) => {
  const app = await freePort();
  const lb = await freePort();
  rec.node('server', 'server.js', { env: { PORT: String(app) }, log: 'server.log' });
  await rec.waitPort(app);
  await haproxy(rec, 'haproxy.cfg', { LB: lb, APP: app });
  await rec.record({ url: `http://127.0.0.1:${lb}/`, duration: 35000 });
};
