// version-mismatch--v4-client-netty-1-7: netty-socketio 1.7.19 speaks Socket.IO v2 (Engine.IO
// revision 3); a socket.io-client 4.8.1 page (EIO=4) gets a revision-3 payload back.
const { freePort, nettyServer } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, pagePort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '1.7.19', { PORT: String(port) }, 'server.log');
  await rec.waitPort(port, 30000);
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 8000 });
};
