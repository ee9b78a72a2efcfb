// server-overloaded--python-blocking-handler: python-socketio 5.7 (Debian) on aiohttp, ping_interval 5 s /
// ping_timeout 3 s, whose `report` event handler makes a 9 s blocking call (time.sleep in the async
// handler). The node twin's 30 load clients (../server-overloaded--blocked-event-loop/load.js, client
// 4.8.1, WebSocket only) are connected; on the recorder's signal client 0 asks for the report, and
// 300 ms later the recorded page (the node twin's dashboard, same origin here) opens three sockets.
const { freePort, spawnLogged, waitForText, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const port = await freePort();
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], {
    env: { PORT: String(port), PING_INTERVAL: '5', PING_TIMEOUT: '3', BLOCKING_REPORT: '9', PAGE: '../server-overloaded--blocked-event-loop/client.html' },
    log: 'server.log',
  });
  await rec.waitPort(port);
  const load = rec.node('load', '../server-overloaded--blocked-event-loop/load.js',
    { env: { URL: `http://127.0.0.1:${port}`, CLIENTS: '30' }, log: 'load.log', debug: 'socket.io-client:manager' });
  await rec.sleep(1500);
  await rec.record({
    url: `http://127.0.0.1:${port}/?port=${port}`,
    run: async (ctx) => {
      await ctx.sleep(500);
      process.kill(load.pid, 'SIGUSR2');
      await waitForText(rec, 'load.log', 'asks for the report'); // the server is blocked from then on
      await ctx.sleep(300);
      await ctx.pages[0].evaluate(() => window.openDashboard());
      await ctx.sleep(11000);
    },
  });
};
