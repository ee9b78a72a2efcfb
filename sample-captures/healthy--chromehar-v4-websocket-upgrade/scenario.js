// healthy--chromehar-v4-websocket-upgrade: npm chrome-har 1.3.1 (harFromMessages over the page's CDP
// Page.* and Network.* messages, as browsertime and puppeteer-har do), response bodies kept
// (puppeteer-har saveResponse). socket.io 4 server and client, same origin, polling then WebSocket
// upgrade, 6 chat messages (`?n=6`). Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');
const { chromeHar } = require('../recorder/lib/chrome-har');

module.exports = async (rec) => {
  const port = await x.chatServer(rec);
  await chromeHar(rec, { url: `http://127.0.0.1:${port}/?n=6`, bodies: true, duration: 10000 });
};
