// websocket-upgrade-blocked--chromehar-nginx-no-upgrade-headers: its Chromium twin's set-up
// (websocket-upgrade-blocked--nginx-no-upgrade-headers: nginx without Upgrade/Connection in front of a
// socket.io 4 server; its server.js, and its nginx.conf with the ports replaced by ones the OS chose),
// the page recorded with npm chrome-har 1.3.1 (harFromMessages over the page's CDP Page.* and Network.*
// messages, bodies kept as puppeteer-har's saveResponse does). Logs are written in this folder.
// Everything binds 127.0.0.1.
const fs = require('fs');
const path = require('path');
const x = require('../recorder/lib/exporters');
const { chromeHar } = require('../recorder/lib/chrome-har');

const TWIN = '../websocket-upgrade-blocked--nginx-no-upgrade-headers';

module.exports = async (rec) => {
  const [lb, app] = [await x.freePort(), await x.freePort()];
  rec.node('server', `${TWIN}/server.js`, { env: { PORT: String(app) }, log: 'server.log' });
  await rec.waitPort(app);
  const conf = path.join(rec.tmp('conf'), 'nginx.conf');
  fs.writeFileSync(conf, fs.readFileSync(path.join(rec.dir, TWIN, 'nginx.conf'), 'utf8')
    .replace('127.0.0.1:47011', `127.0.0.1:${lb}`).replace('127.0.0.1:47012', `127.0.0.1:${app}`));
  await rec.nginx(path.relative(rec.dir, conf));
  await chromeHar(rec, { url: `http://127.0.0.1:${lb}/`, bodies: true, duration: 12000 });
};
