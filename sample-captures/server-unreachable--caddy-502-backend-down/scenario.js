// server-unreachable--caddy-502-backend-down: Caddy 2.6 proxies /socket.io/* to a port where nothing
// listens (the Socket.IO server is down) and everything else to a page server (the shared
// recorder/pages/chat-v4.html). Caddy answers each Socket.IO request 502 with an empty body. Ports
// chosen by the OS; no socket.io server is started.
const { freePort, caddy } = require('../recorder/lib/processes');
const { chatPage } = require('../recorder/lib/exporters');
module.exports = async (rec) => {
  const [port, backend] = [await freePort(), await freePort()];
  const page = await chatPage(rec);
  await caddy(rec, 'Caddyfile', { PORT: port, BACKEND: backend, PAGE: page }, ['access.log', 'caddy.log']);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 7000 });
};
