// server-restart--python-process-restart: python-socketio 5.7 (Debian) on aiohttp; three tabs open the
// node twin's page (server-restart--io-close/client.html) and connect
// (client 4.8.1, upgraded to WebSocket). At ~4 s the recorder sends SIGTERM to the python process (what
// systemd, docker stop or a deploy does: aiohttp's run_app shuts down gracefully), waits for it to exit,
// and 1.5 s later starts a new process on the same port. Both processes append to server.log (one
// service log across the restart, as journald keeps it).
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  const start = (name, append) => spawnLogged(rec, name, '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`],
    { env: { PORT: String(port), PAGE: '../server-restart--io-close/client.html' }, log: 'server.log', append });
  const first = start('python-1', false);
  await rec.waitPort(port);
  const url = `http://127.0.0.1:${port}/`;
  const tab = { url, har: null, console: null, delay: 300 };
  await rec.record({
    pages: [{ url, har: 'capture.har', console: 'console.log' }, tab, tab],
    run: async ({ sleep }) => {
      await sleep(4000);
      rec.log('SIGTERM to the first server');
      process.kill(first.pid, 'SIGTERM');
      await first.exit;
      rec.log(`first server exited (code ${first.code}, signal ${first.signal})`);
      await sleep(1500);
      start('python-2', true);
      await rec.waitPort(port);
      rec.log('second server listening');
      await sleep(7000);
    },
  });
};
