// csp-blocked--firefox-connect-src: Firefox ESR Network Monitor HAR auto-export, headless, plus the
// page's console through WebDriver BiDi (console.log). The page (recorder/pages/chat-v4.html) is
// served with `Content-Security-Policy: connect-src 'self' ws://127.0.0.1:<s>`: the WebSocket origin
// of the socket server is listed, the http:// origin that long-polling (the first transport) uses is
// not. The shared chat server on http://127.0.0.1:<s> allows the page's origin (CORS), so the policy
// is the only problem. Ports are chosen by the OS; everything binds 127.0.0.1.
const path = require('path');
const x = require('../recorder/lib/exporters');
const { startPageServer } = require('../recorder/lib/page-server');

const PAGES = path.join(__dirname, '..', 'recorder', 'pages');

module.exports = async (rec) => {
  const page = await x.freePort();
  const server = await x.chatServer(rec, { SERVE_PAGE: '0', CORS_ORIGIN: `http://127.0.0.1:${page}` });
  const policy = `connect-src 'self' ws://127.0.0.1:${server}`;
  rec.servers.push(await startPageServer(PAGES, page, { index: 'chat-v4.html', headers: { 'Content-Security-Policy': policy } }));
  const url = `http://127.0.0.1:${page}/?io=${encodeURIComponent(`http://127.0.0.1:${server}`)}`;
  await x.firefox(rec, { url, duration: 30000, console: 'console.log' });
};
