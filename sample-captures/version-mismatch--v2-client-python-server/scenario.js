// version-mismatch--v2-client-python-server: a socket.io-client 2.4 page (EIO=3) against
// python-socketio 5.7, which only speaks EIO=4 and answers 400 with a JSON string body.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], { env: { PORT: String(port) }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 7000 });
};
