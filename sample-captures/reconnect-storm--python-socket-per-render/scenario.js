// reconnect-storm--python-socket-per-render: python-socketio 5.7 (Debian) on aiohttp, default options;
// the page (the node twin's, 12 renders instead of 20) creates a new io() (client 4.8.1) every 300 ms
// without closing the old ones.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`],
    { env: { PORT: String(port) }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 6000 });
};
