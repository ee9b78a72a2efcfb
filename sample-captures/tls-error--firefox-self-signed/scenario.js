// tls-error--firefox-self-signed: Firefox ESR Network Monitor HAR auto-export, headless, plus the
// page's console through WebDriver BiDi (console.log). The page (recorder/pages/chat-v4.html, over
// http) points its client at the shared chat server (recorder/servers/chat-v4.js) running over
// https with a self-signed certificate made by record.sh (CERT_DIR), which Firefox does not trust.
// CORS allows the page's origin, so the certificate is the only problem.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

// `transports`: the page's ?transports= (the client's `transports` option), for
// tls-error--firefox-self-signed-websocket-only
module.exports = async (rec, { transports = null } = {}) => {
  const page = await x.chatPage(rec);
  const server = await x.chatServer(rec, { SERVE_PAGE: '0', CERT_DIR: process.env.CERT_DIR, CORS_ORIGIN: `http://127.0.0.1:${page}` });
  const url = `http://127.0.0.1:${page}/?${transports ? `transports=${transports}&` : ''}io=${encodeURIComponent(`https://127.0.0.1:${server}`)}`;
  await x.firefox(rec, { url, duration: 30000, console: 'console.log' });
};
