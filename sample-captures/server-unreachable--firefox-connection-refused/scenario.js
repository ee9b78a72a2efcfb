// server-unreachable--firefox-connection-refused: Firefox ESR Network Monitor HAR auto-export, headless.
// the page (recorder/pages/chat-v4.html?io=<url>) points its client at a port where nothing listens
// (a port the OS handed out and that was closed again): every attempt is refused.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const nothing = await x.freePort();
  const page = await x.chatPage(rec);
  const url = `http://127.0.0.1:${page}/?io=${encodeURIComponent(`http://127.0.0.1:${nothing}`)}`;
  await x.firefox(rec, { url, duration: 25000 });
};
