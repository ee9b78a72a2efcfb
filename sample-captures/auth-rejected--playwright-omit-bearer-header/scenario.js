// auth-rejected--playwright-omit-bearer-header: Playwright recordHar, content: 'omit'.
// the page sends `Authorization: Bearer demo-token-123` (socket.io-client `extraHeaders`) on its polling requests; the server's io.use() middleware accepts only demo-token-456 and answers the CONNECT with `44{"message":"not authorized"}`.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec, { AUTH_HEADER: 'demo-token-456' });
  const url = `http://127.0.0.1:${port}/?token=demo-token-123`;
  await x.playwright(rec, { url, content: 'omit', duration: 6000 });
};
