// proxy-idle-timeout--playwright-omit-haproxy-tunnel-timeout: the scenario of
// proxy-idle-timeout--haproxy-tunnel-timeout (its server.js, client.html and haproxy.cfg, run from
// that folder: the same files), recorded by Playwright's recordHar with content: 'omit'.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const { freePort, haproxy } = require('../recorder/lib/processes');
const x = require('../recorder/lib/exporters');

const TWIN = '../proxy-idle-timeout--haproxy-tunnel-timeout/';

module.exports = async (rec) => {
  const app = await freePort();
  const lb = await freePort();
  rec.node('server', TWIN + 'server.js', { env: { PORT: String(app) }, log: 'server.log' });
  await rec.waitPort(app);
  await haproxy(rec, TWIN + 'haproxy.cfg', { LB: lb, APP: app });
  await x.playwright(rec, { url: `http://127.0.0.1:${lb}/`, content: 'omit', duration: 27000 });
};
