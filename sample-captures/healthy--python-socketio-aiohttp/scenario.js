// healthy--python-socketio-aiohttp: python-socketio 5.7 (Debian) on aiohttp serves the page and
// Socket.IO; client 4.8.1 polls, upgrades to WebSocket and exchanges 4 acknowledged events.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], { env: { PORT: String(port) }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 8000 });
};
