// proxy-idle-timeout--haproxy-tunnel-timeout: HAProxy's `timeout tunnel 5s` cuts the idle
// WebSocket every ~5 s (socket.io pingInterval 25 s). Recorded ~27 s to show >= 4 disconnects.
// Both ports are chosen by the OS (other recordings may run at the same time).
const { behindHaproxy } = require('../recorder/lib/processes');

module.exports = async (rec) => {
  const lb = await behindHaproxy(rec, { server: 'server.js', cfg: 'haproxy.cfg' });
  await rec.record({ url: `http://127.0.0.1:${lb}/`, duration: 27000 });
};
