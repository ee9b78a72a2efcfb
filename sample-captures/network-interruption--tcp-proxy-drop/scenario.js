// network-interruption--tcp-proxy-drop: browser -> tcp-proxy :47163 -> socket.io 4 :47164.
// 4 s after the page opened, the proxy resets every open TCP connection once (network drop).
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47164' }, log: 'server.log' });
  await rec.waitPort(47164);
  const proxy = rec.node('proxy', '../recorder/lib/tcp-proxy.js', { args: ['--listen', '47163', '--target', '47164'], log: 'proxy.log', debug: '' });
  await rec.sleep(300);
  await rec.record({
    url: 'http://127.0.0.1:47163/',
    run: async ({ sleep }) => {
      await sleep(4000);
      process.kill(proxy.pid, 'SIGUSR1');
      await sleep(5000);
    },
  });
};
