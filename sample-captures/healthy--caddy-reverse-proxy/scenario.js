// healthy--caddy-reverse-proxy: socket.io 4.8.1 behind Caddy 2.6 (Debian), polling then WebSocket.
const { freePort, caddy } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, backend] = [await freePort(), await freePort()];
  rec.node('server', 'server.js', { env: { PORT: String(backend) }, log: 'server.log' });
  await rec.waitPort(backend);
  await caddy(rec, 'Caddyfile', { PORT: port, BACKEND: backend });
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 8000 });
};
