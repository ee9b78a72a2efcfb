// wrong-path--caddy-404-websocket-only: wrong-path--caddy-404 (its Caddyfile and server.js) with a
// WebSocket-only client (transports: ["websocket"]): every Engine.IO request is a WebSocket
// handshake to /api/socket.io/, which Caddy's file_server answers 404.
const path = require('path');
const { freePort, caddy } = require('../recorder/lib/processes');
const twin = path.join('..', 'wrong-path--caddy-404');
module.exports = async (rec) => {
  const [port, backend] = [await freePort(), await freePort()];
  rec.node('server', path.join(twin, 'server.js'), { env: { PORT: String(backend) }, log: 'server.log' });
  await rec.waitPort(backend);
  const clientDist = path.join(__dirname, '..', 'recorder', 'node_modules', 'socket.io-client-v4', 'dist');
  await caddy(rec, path.join(twin, 'Caddyfile'), { PORT: port, BACKEND: backend, CLIENT_DIST: clientDist });
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 6000 });
};
