// server-forced-disconnect--netty-client-disconnect: netty-socketio 2.0.13 whose app calls
// client.disconnect() 2 s after each connect (DISCONNECT_AFTER=2000); the page (another origin)
// connects with client 4.8.1, which upgrades to WebSocket and sees 'io server disconnect'. The
// server logs at TRACE: only there does netty-socketio write the packets it sends.
const { freePort, nettyServer } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, pagePort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port), DISCONNECT_AFTER: '2000' }, 'server.log', 'trace');
  await rec.waitPort(port, 30000);
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 5000 });
};
