// cors-missing-headers--chromehar-no-cors: npm chrome-har 1.3.1 (harFromMessages over the page's CDP
// Page.* and Network.* messages, bodies not kept: browsertime's default). The page on one origin, the
// socket.io 4 server on another port without the `cors` option (no Access-Control-Allow-Origin), as in
// cors-missing-headers--playwright-omit-no-cors. Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');
const { chromeHar } = require('../recorder/lib/chrome-har');

module.exports = async (rec) => {
  const api = await x.chatServer(rec, { SERVE_PAGE: '0' });
  const page = await x.chatPage(rec);
  const url = `http://127.0.0.1:${page}/?io=${encodeURIComponent(`http://127.0.0.1:${api}`)}`;
  await chromeHar(rec, { url, duration: 7000 });
};
