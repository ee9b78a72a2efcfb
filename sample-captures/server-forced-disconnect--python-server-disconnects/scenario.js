// server-forced-disconnect--python-server-disconnects: python-socketio 5.7 (Debian) on aiohttp whose
// app calls sio.disconnect(sid) 2 s after each connect; client 4.8.1 sees 'io server disconnect'.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], { env: { PORT: String(port), DISCONNECT_AFTER: '2' }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 5000 });
};
