// auth-rejected--netty-authorization-listener: netty-socketio 2.0.13 whose AuthorizationListener
// refuses every handshake (a token check that fails).
const { freePort, nettyServer } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, pagePort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port), REJECT_AUTH: '1' }, 'server.log');
  await rec.waitPort(port, 30000);
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 7000 });
};
