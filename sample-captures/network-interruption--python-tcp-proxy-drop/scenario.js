// network-interruption--python-tcp-proxy-drop: browser -> tcp-proxy -> python-socketio 5.7 (Debian) on
// aiohttp, default heartbeat (25 s / 20 s); the node twin's page (client 4.8.1, a chat event every 1.5 s).
// 4 s after the page opened, the proxy resets every open TCP connection once (network drop).
const { freePort, spawnLogged, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, app] = [await freePort(), await freePort()];
  spawnLogged(rec, 'python', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`],
    { env: { PORT: String(app), PAGE: '../network-interruption--tcp-proxy-drop/client.html' }, log: 'server.log' });
  await rec.waitPort(app);
  const proxy = rec.node('proxy', '../recorder/lib/tcp-proxy.js', { args: ['--listen', String(port), '--target', String(app)], log: 'proxy.log' });
  await rec.sleep(300); // not probed: a probe would be a connection in proxy.log
  await rec.record({
    url: `http://127.0.0.1:${port}/`,
    run: async ({ sleep }) => {
      await sleep(4000);
      process.kill(proxy.pid, 'SIGUSR1');
      await sleep(5000);
    },
  });
};
