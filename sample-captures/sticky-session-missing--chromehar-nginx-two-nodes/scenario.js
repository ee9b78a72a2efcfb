// sticky-session-missing--chromehar-nginx-two-nodes: its Chromium twin's set-up
// (sticky-session-missing--nginx-two-nodes: nginx round-robin over two socket.io 4 nodes, no ip_hash;
// its server.js, and its nginx.conf with the ports replaced by ones the OS chose), the page recorded
// with npm chrome-har 1.3.1 (harFromMessages over the page's CDP Page.* and Network.* messages, bodies
// not kept: browsertime's default). Logs are written in this folder. Everything binds 127.0.0.1.
const fs = require('fs');
const path = require('path');
const x = require('../recorder/lib/exporters');
const { chromeHar } = require('../recorder/lib/chrome-har');

const TWIN = '../sticky-session-missing--nginx-two-nodes';

module.exports = async (rec) => {
  const [lb, a, b] = [await x.freePort(), await x.freePort(), await x.freePort()];
  rec.node('node-a', `${TWIN}/server.js`, { env: { PORT: String(a), NODE_NAME: 'node-a' }, log: 'node-a.log' });
  rec.node('node-b', `${TWIN}/server.js`, { env: { PORT: String(b), NODE_NAME: 'node-b' }, log: 'node-b.log' });
  await rec.waitPort(a);
  await rec.waitPort(b);
  const conf = path.join(rec.tmp('conf'), 'nginx.conf');
  fs.writeFileSync(conf, fs.readFileSync(path.join(rec.dir, TWIN, 'nginx.conf'), 'utf8')
    .replace('127.0.0.1:47021', `127.0.0.1:${lb}`).replace('127.0.0.1:47022', `127.0.0.1:${a}`)
    .replace('127.0.0.1:47023', `127.0.0.1:${b}`));
  await rec.nginx(path.relative(rec.dir, conf));
  await chromeHar(rec, { url: `http://127.0.0.1:${lb}/`, duration: 9000 });
};
