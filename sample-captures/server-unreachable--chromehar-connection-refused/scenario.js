// server-unreachable--chromehar-connection-refused: npm chrome-har 1.3.1 (harFromMessages over the
// page's CDP Page.* and Network.* messages, bodies not kept: browsertime's default). The page
// (recorder/pages/chat-v4.html?io=<url>) points its client at a port where nothing listens (a port
// the OS handed out and that was closed again): every attempt is refused. Its server log is the page
// server's none: nothing listens to log anything. Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');
const { chromeHar } = require('../recorder/lib/chrome-har');

module.exports = async (rec) => {
  const nothing = await x.freePort();
  const page = await x.chatPage(rec);
  const url = `http://127.0.0.1:${page}/?io=${encodeURIComponent(`http://127.0.0.1:${nothing}`)}`;
  await chromeHar(rec, { url, duration: 7000 });
};
