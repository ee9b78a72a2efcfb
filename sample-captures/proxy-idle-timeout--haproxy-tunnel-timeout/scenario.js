// proxy-idle-timeout--haproxy-tunnel-timeout: HAProxy's `timeout tunnel 5s` cuts the idle
// WebSocket every ~5 s (socket.io pingInterval 25 s). Recorded ~27 s to show >= 4 disconnects.
// Both ports are chosen by the OS (other recordings may run at the same time).
const fs = require('fs');
const path = require('path');
const { freePort, spawnLogged } = require('../recorder/lib/processes');

module.exports = async (rec) => {
  const app = await freePort();
  const lb = await freePort();
  rec.node('server', 'server.js', { env: { PORT: String(app) }, log: 'server.log' });
  await rec.waitPort(app);
  const tmp = rec.tmp('haproxy');
  const cfg = fs.readFileSync(path.join(rec.dir, 'haproxy.cfg'), 'utf8')
    .replace(/__LB__/g, String(lb)).replace(/__APP__/g, String(app));
  fs.writeFileSync(path.join(tmp, 'haproxy.cfg'), cfg);
  // -db: stay in the foreground, logging to stdout (haproxy.log)
  spawnLogged(rec, 'haproxy', '/usr/sbin/haproxy', ['-db', '-f', path.join(tmp, 'haproxy.cfg')], { cwd: tmp, log: 'haproxy.log' });
  // wait for the listener without connecting to it (a probe would be logged as a request)
  await rec.sleep(700);
  await rec.record({ url: `http://127.0.0.1:${lb}/`, duration: 27000 });
};
