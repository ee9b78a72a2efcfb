// healthy--apache-proxy-wstunnel: socket.io 4.8.1 behind Apache httpd 2.4 (Debian) with
// mod_proxy_wstunnel and `upgrade=websocket`: polling, then the upgrade goes through.
const { freePort, apache } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, backend] = [await freePort(), await freePort()];
  rec.node('server', 'server.js', { env: { PORT: String(backend) }, log: 'server.log' });
  await rec.waitPort(backend);
  await apache(rec, 'httpd.conf', { PORT: port, BACKEND: backend });
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 8000 });
};
