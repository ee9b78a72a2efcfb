// bad-request--python-client-ping: python-socketio 5.7 (Debian) on aiohttp, default options; the page
// (client 4.8.1, polling only) POSTs an Engine.IO PING on its session 1 s after connecting, as a client
// written for the v3 heartbeat direction does; python-engineio answers 400 "Bad Request".
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`],
    { env: { PORT: String(port) }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 5000 });
};
