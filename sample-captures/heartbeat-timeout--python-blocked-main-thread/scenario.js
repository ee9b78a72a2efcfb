// heartbeat-timeout--python-blocked-main-thread: python-socketio 5.7 (Debian) on aiohttp with
// ping_interval 2 s / ping_timeout 1 s; the node twin's page (client 4.8.1) busy-loops 5 s 1.5 s after connecting.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`],
    { env: { PORT: String(port), PING_INTERVAL: '2', PING_TIMEOUT: '1', PAGE: '../heartbeat-timeout--blocked-main-thread/client.html' }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 12000 });
};
