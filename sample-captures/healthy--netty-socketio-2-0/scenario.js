// healthy--netty-socketio-2-0: netty-socketio 2.0.13 (Java, Maven Central) on its own port, the
// page on another origin; client 4.8.1 polls, upgrades to WebSocket, 4 acknowledged events.
const { freePort, nettyServer } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, pagePort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port) }, 'server.log');
  await rec.waitPort(port, 30000);
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 8000 });
};
