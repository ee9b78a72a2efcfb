// server-overloaded--blocked-event-loop: 30 other clients are connected when one of them makes
// the server block its event loop for 9 s; the recorded page opens three sockets meanwhile.
const fs = require('fs');
const path = require('path');

const PAGE = 47651;
const APP = 47652;

module.exports = async (rec) => {
  rec.node('server', 'server.js', {
    env: { PORT: String(APP), PAGE_ORIGIN: `http://127.0.0.1:${PAGE}` },
    log: 'server.log', debug: 'engine,engine:socket,socket.io:client',
  });
  await rec.waitPort(APP);
  await rec.pageServer(PAGE);
  const load = rec.node('load', 'load.js', { env: { URL: `http://127.0.0.1:${APP}`, CLIENTS: '30' }, log: 'load.log', debug: 'socket.io-client:manager' });
  await rec.sleep(1500);
  await rec.record({
    url: `http://127.0.0.1:${PAGE}/?port=${APP}`,
    run: async (ctx) => {
      await ctx.sleep(500);
      process.kill(load.pid, 'SIGUSR2');
      // wait until the report has started (the server is blocked from then on)
      const logFile = path.join(rec.dir, 'load.log');
      for (let i = 0; i < 200 && !fs.readFileSync(logFile, 'utf8').includes('asks for the report'); i++) await ctx.sleep(50);
      await ctx.sleep(300);
      await ctx.pages[0].evaluate(() => window.openDashboard());
      await ctx.sleep(11000);
    },
  });
};
