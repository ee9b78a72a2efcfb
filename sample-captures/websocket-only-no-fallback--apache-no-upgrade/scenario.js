// websocket-only-no-fallback--apache-no-upgrade: a client with transports ['websocket'] (the shared
// recorder/pages/chat-v4.html?transports=websocket, served by recorder/servers/chat-v4.js) through
// Apache httpd 2.4 (Debian) proxying /socket.io/ without `upgrade=websocket`: Apache drops the
// Upgrade/Connection headers, engine.io refuses the plain GET, and the client has no polling to fall
// back on. Both ports are chosen by the OS.
const { freePort, apache } = require('../recorder/lib/processes');
const { chatServer } = require('../recorder/lib/exporters');
module.exports = async (rec) => {
  const backend = await chatServer(rec);
  const port = await freePort();
  await apache(rec, 'httpd.conf', { PORT: port, BACKEND: backend });
  await rec.record({ url: `http://127.0.0.1:${port}/?transports=websocket`, duration: 8000 });
};
