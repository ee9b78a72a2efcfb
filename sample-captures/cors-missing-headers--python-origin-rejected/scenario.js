// cors-missing-headers--python-origin-rejected: the page is served from another origin than the
// python-socketio 5.7 server, whose cors_allowed_origins lists only the production site; python-
// engineio answers 400 "<origin> is not an accepted origin." without CORS headers.
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  const pagePort = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`],
    { env: { PORT: String(port), CORS_ORIGINS: 'https://chat.example.com' }, log: 'server.log' });
  await rec.waitPort(port);
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 6000 });
};
