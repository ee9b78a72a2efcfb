// mixed-content--firefox-https-page-http-socket: Firefox ESR Network Monitor HAR auto-export,
// headless, plus the page's console through WebDriver BiDi (console.log). The page
// https://app.test:<p>/ (recorder/pages/chat-v4.html over TLS with a self-signed certificate made by
// record.sh, accepted through the BiDi session's acceptInsecureCerts) points its client at the
// shared chat server over plain http, http://app.test:<s>, whose CORS allows the page's origin: the
// insecure URL is the only problem. app.test resolves to 127.0.0.1 (network.dns.localDomains): a
// name is needed because Firefox treats http://127.0.0.1 as potentially trustworthy, never mixed.
// Firefox starts on go.html served over plain http (the certificate is accepted only once the BiDi
// session runs). Ports are chosen by the OS; everything binds 127.0.0.1.
const fs = require('fs');
const path = require('path');
const x = require('../recorder/lib/exporters');
const { startPageServer } = require('../recorder/lib/page-server');

const PAGES = path.join(__dirname, '..', 'recorder', 'pages');

// `transports`: the page's ?transports= (the client's `transports` option), for
// mixed-content--firefox-https-page-ws-websocket-only
module.exports = async (rec, { transports = null } = {}) => {
  const dir = process.env.CERT_DIR;
  const page = await x.freePort();
  rec.servers.push(await startPageServer(PAGES, page, {
    index: 'chat-v4.html',
    https: { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) },
  }));
  const start = await x.chatPage(rec);
  // CERT_DIR (exported by record.sh for the page) is cleared: the socket server speaks plain http
  const server = await x.chatServer(rec, { SERVE_PAGE: '0', CERT_DIR: '', CORS_ORIGIN: `https://app.test:${page}` });
  const url = `https://app.test:${page}/?${transports ? `transports=${transports}&` : ''}io=${encodeURIComponent(`http://app.test:${server}`)}`;
  await x.firefox(rec, {
    url, duration: 30000, console: 'console.log', acceptInsecureCerts: true,
    startOrigin: `http://app.test:${start}`, prefs: { 'network.dns.localDomains': 'app.test' },
  });
};
