// auth-rejected--python-connect-returns-false: python-socketio 5.7 whose connect handler returns
// False (what an auth check does); the client gets a CONNECT_ERROR packet and stops.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], { env: { PORT: String(port), REJECT_CONNECT: '1' }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 6000 });
};
