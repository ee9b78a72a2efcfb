// transport-unknown--python-websocket-only: python-socketio 5.7 started with
// transports=["websocket"]; the default client starts with polling, which python-engineio refuses
// with 400 "Invalid transport".
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`],
    { env: { PORT: String(port), TRANSPORTS: 'websocket' }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 6000 });
};
