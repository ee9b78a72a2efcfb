// wrong-path--caddy-404: Caddy 2.6 (Debian) serves the page and reverse-proxies only /socket.io/*
// to socket.io 4.8.1; the page's client uses path "/api/socket.io", so every Engine.IO request
// reaches Caddy's file_server, which answers its own 404.
const path = require('path');
const { freePort, caddy } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, backend] = [await freePort(), await freePort()];
  rec.node('server', 'server.js', { env: { PORT: String(backend) }, log: 'server.log' });
  await rec.waitPort(backend);
  const clientDist = path.join(__dirname, '..', 'recorder', 'node_modules', 'socket.io-client-v4', 'dist');
  await caddy(rec, 'Caddyfile', { PORT: port, BACKEND: backend, CLIENT_DIST: clientDist });
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 6000 });
};
