// network-interruption--netty-tcp-proxy-drop: browser -> tcp-proxy -> netty-socketio 2.0.13 (ports
// chosen by the OS; the shared page recorder/pages/chat-v4.html on another origin). 4 s after the
// page opened, the proxy resets every open TCP connection once (a network drop). The server logs at
// DEBUG, netty-socketio's usual level.
const { freePort, nettyServer } = require('../recorder/lib/processes');
const { chatPage } = require('../recorder/lib/exporters');
module.exports = async (rec) => {
  const [port, proxyPort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port) }, 'server.log');
  await rec.waitPort(port, 30000);
  const proxy = rec.node('proxy', '../recorder/lib/tcp-proxy.js', { args: ['--listen', String(proxyPort), '--target', String(port)], log: 'proxy.log', debug: '' });
  await rec.sleep(300); // not probed: a probe would be a connection in both logs
  const page = await chatPage(rec);
  await rec.record({
    url: `http://127.0.0.1:${page}/?io=http://127.0.0.1:${proxyPort}&n=7&credentials=0`,
    run: async ({ sleep }) => {
      await sleep(4000);
      process.kill(proxy.pid, 'SIGUSR1');
      await sleep(5000);
    },
  });
};
