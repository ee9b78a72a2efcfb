// server-restart--netty-process-restart: netty-socketio 2.0.13 (Java, Maven Central) on its own
// port, the page on another origin; three tabs connect (client 4.8.1, upgraded to WebSocket). At
// ~4 s the recorder sends SIGTERM to the JVM (what a deploy does: the shutdown hook calls
// SocketIOServer.stop()), waits for it to exit, and 1.5 s later starts a new JVM on the same port.
// REUSE_ADDRESS=1: the new JVM binds while the old connections are in TIME_WAIT (without it netty
// fails with "Address already in use"). Each process writes its own log (server-1.log,
// server-2.log), like two containers of one service. server-restart--netty-polling-process-restart
// records the same with a polling-only client (&transports=polling).
const path = require('path');
const { freePort, nettyServer } = require('../recorder/lib/processes');

async function recordNettyRestart(rec, query = '') {
  const [port, pagePort] = [await freePort(), await freePort()];
  const env = { PORT: String(port), REUSE_ADDRESS: '1' };
  const first = nettyServer(rec, 'netty-1', '2.0.13', env, 'server-1.log');
  await rec.waitPort(port, 30000);
  // the page is this folder's client.html, whichever folder records
  await rec.pageServer(pagePort, { index: path.relative(rec.dir, path.join(__dirname, 'client.html')) });
  const url = `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}${query}`;
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
      nettyServer(rec, 'netty-2', '2.0.13', env, 'server-2.log');
      await rec.waitPort(port, 30000);
      rec.log('second server listening');
      await sleep(6000);
    },
  });
}

module.exports = (rec) => recordNettyRestart(rec);
module.exports.recordNettyRestart = recordNettyRestart;
