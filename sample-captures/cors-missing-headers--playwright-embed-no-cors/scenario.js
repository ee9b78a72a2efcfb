// cors-missing-headers--playwright-embed-no-cors: Playwright recordHar, content: 'embed'.
// page on one origin, socket.io 4 server on another port without the `cors` option (no Access-Control-Allow-Origin).
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const api = await x.chatServer(rec, { SERVE_PAGE: '0' });
  const page = await x.chatPage(rec);
  const url = `http://127.0.0.1:${page}/?io=${encodeURIComponent(`http://127.0.0.1:${api}`)}`;
  await x.playwright(rec, { url, content: 'embed', duration: 7000 });
};
