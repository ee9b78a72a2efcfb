// payload-too-large--python-websocket: python-socketio 5.7 (Debian) on aiohttp with python-engineio's
// default max_http_buffer_size (1,000,000); a client 4.8.1 upgrades to WebSocket, then emits a 1.05 MB
// string. python-engineio's WebSocket reader raises ValueError('packet is too large') and ends the
// connection.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], { env: { PORT: String(port) }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 6000 });
};
