// client-proxy-interference--squid-denies-connect: Chromium uses Debian's squid as its proxy;
// squid forwards the polling requests but refuses the WebSocket's CONNECT tunnel (port != 443).
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const APP_PORT = 47611;
const PROXY_PORT = 47612;

module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: String(APP_PORT) }, log: 'server.log' });
  await rec.waitPort(APP_PORT);
  // squid drops to user "proxy": its files go to a temp dir that user can write
  const tmp = rec.tmp('squid');
  fs.chmodSync(tmp, 0o777);
  const conf = fs.readFileSync(path.join(rec.dir, 'squid.conf'), 'utf8')
    .replace(/__PORT__/g, String(PROXY_PORT)).replace(/__TMP__/g, tmp);
  fs.writeFileSync(path.join(tmp, 'squid.conf'), conf);
  const squid = rec._track('squid', spawn('/usr/sbin/squid', ['-N', '-f', path.join(tmp, 'squid.conf')],
    { cwd: tmp, stdio: ['ignore', 'ignore', fs.openSync(path.join(tmp, 'stderr.txt'), 'w')], detached: true }));
  squid.stopSignal = 'SIGINT';
  await rec.waitPort(PROXY_PORT);
  await rec.record({
    url: `http://127.0.0.1:${APP_PORT}/`,
    duration: 16000,
    // loopback is never proxied unless "<-loopback>" takes it out of the implicit bypass list
    args: [`--proxy-server=http://127.0.0.1:${PROXY_PORT}`, '--proxy-bypass-list=<-loopback>'],
  });
  await squid.stop();
  fs.copyFileSync(path.join(tmp, 'access.log'), path.join(rec.dir, 'squid-access.log'));
};
