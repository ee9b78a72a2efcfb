// invalid-namespace--netty-unknown-namespace: netty-socketio 2.0.13 with only the main namespace
// (no addNamespace); the shared page (recorder/pages/chat-v4.html, another origin, client 4.8.1)
// joins /admin (?nsp=/admin) and gets netty-socketio's CONNECT_ERROR for it. The server logs at
// DEBUG, netty-socketio's usual level.
const { freePort, nettyServer } = require('../recorder/lib/processes');
const { chatPage } = require('../recorder/lib/exporters');
module.exports = async (rec) => {
  const port = await freePort();
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port) }, 'server.log');
  await rec.waitPort(port, 30000);
  const page = await chatPage(rec);
  await rec.record({ url: `http://127.0.0.1:${page}/?io=http://127.0.0.1:${port}&nsp=/admin`, duration: 5000 });
};
