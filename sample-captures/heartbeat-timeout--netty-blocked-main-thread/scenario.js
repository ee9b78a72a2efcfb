// heartbeat-timeout--netty-blocked-main-thread: netty-socketio 2.0.13 with pingInterval 2 s /
// pingTimeout 1 s; the shared page (recorder/pages/chat-v4.html, another origin, client 4.8.1)
// busy-loops 5 s 1.5 s after connecting (?block=5000), so it answers no PING, and reconnects itself
// after the server's disconnect (?resume=1). The server logs at DEBUG, netty-socketio's usual level.
const { freePort, nettyServer } = require('../recorder/lib/processes');
const { chatPage } = require('../recorder/lib/exporters');
module.exports = async (rec) => {
  const port = await freePort();
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port), PING_INTERVAL: '2000', PING_TIMEOUT: '1000' }, 'server.log');
  await rec.waitPort(port, 30000);
  const page = await chatPage(rec);
  await rec.record({ url: `http://127.0.0.1:${page}/?io=http://127.0.0.1:${port}&n=2&block=5000&resume=1&credentials=0`, duration: 12000 });
};
