// wrong-path--caddy-404: Caddy 2.6 (Debian) serves the page and reverse-proxies only /socket.io/*
// to socket.io 4.8.1 (healthy--caddy-reverse-proxy's server.js); the page's client uses path
// "/api/socket.io", so every Engine.IO request reaches Caddy's file_server, which answers its own
// 404. wrong-path--caddy-404-websocket-only records the same with ?transports=websocket.
const path = require('path');
const { freePort, caddy } = require('../recorder/lib/processes');

async function recordWrongPath(rec, query = '') {
  const [port, backend] = [await freePort(), await freePort()];
  rec.node('server', path.join(__dirname, '..', 'healthy--caddy-reverse-proxy', 'server.js'),
    { env: { PORT: String(backend) }, log: 'server.log' });
  await rec.waitPort(backend);
  const clientDist = path.join(__dirname, '..', 'recorder', 'node_modules', 'socket.io-client-v4', 'dist');
  await caddy(rec, path.relative(rec.dir, path.join(__dirname, 'Caddyfile')),
    { PORT: port, BACKEND: backend, PAGE_DIR: __dirname, CLIENT_DIST: clientDist });
  await rec.record({ url: `http://127.0.0.1:${port}/${query}`, duration: 6000 });
}

module.exports = (rec) => recordWrongPath(rec);
module.exports.recordWrongPath = recordWrongPath;
