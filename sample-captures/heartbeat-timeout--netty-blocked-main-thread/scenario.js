// heartbeat-timeout--netty-blocked-main-thread: netty-socketio 2.0.13 with pingInterval 2 s /
// pingTimeout 1 s; the page (another origin, client 4.8.1) busy-loops 5 s 1.5 s after connecting,
// so it answers no PING. The server logs at DEBUG, netty-socketio's usual level.
const { freePort, nettyServer } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, pagePort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port), PING_INTERVAL: '2000', PING_TIMEOUT: '1000' }, 'server.log');
  await rec.waitPort(port, 30000);
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 12000 });
};
