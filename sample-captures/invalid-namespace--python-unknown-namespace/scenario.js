// invalid-namespace--python-unknown-namespace: python-socketio 5.7 (Debian) on aiohttp with handlers
// for the main namespace only; client 4.8.1 calls io('/admin') and gets a CONNECT_ERROR for /admin.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], { env: { PORT: String(port) }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 5000 });
};
