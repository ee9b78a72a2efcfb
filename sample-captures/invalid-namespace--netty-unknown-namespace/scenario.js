// invalid-namespace--netty-unknown-namespace: netty-socketio 2.0.13 with only the main namespace
// (no addNamespace); the page (another origin, client 4.8.1) calls io(server + '/admin') and gets
// netty-socketio's CONNECT_ERROR for /admin. The server logs at DEBUG, netty-socketio's usual level.
const { freePort, nettyServer } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, pagePort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port) }, 'server.log');
  await rec.waitPort(port, 30000);
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 5000 });
};
