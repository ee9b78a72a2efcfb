// proxy-idle-timeout--playwright-omit-haproxy-tunnel-timeout: the scenario of
// proxy-idle-timeout--haproxy-tunnel-timeout (its server.js, client.html and haproxy.cfg, run from
// that folder: the same files), recorded by Playwright's recordHar with content: 'omit'.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const { behindHaproxy } = require('../recorder/lib/processes');
const x = require('../recorder/lib/exporters');

const TWIN = '../proxy-idle-timeout--haproxy-tunnel-timeout/';

module.exports = async (rec) => {
  const lb = await behindHaproxy(rec, { server: TWIN + 'server.js', cfg: TWIN + 'haproxy.cfg' });
  await x.playwright(rec, { url: `http://127.0.0.1:${lb}/`, content: 'omit', duration: 27000 });
};
