// payload-too-large--python-polling-400: python-socketio 5.7 (Debian) on aiohttp with python-engineio's
// default max_http_buffer_size (1,000,000); a polling-only client 4.8.1 emits a 1.05 MB string 1 s after
// connecting. python-engineio refuses the POST by its Content-Length: 400 "Bad Request", not 413.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], { env: { PORT: String(port) }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 6000 });
};
