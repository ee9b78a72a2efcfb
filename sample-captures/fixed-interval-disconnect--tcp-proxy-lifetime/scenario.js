// fixed-interval-disconnect--tcp-proxy-lifetime: browser -> tcp-proxy (resets every connection
// 7 s after it opened, whatever its traffic) -> socket.io 4 (pingInterval 2 s). ~36 s, >= 4 drops.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47178' }, log: 'server.log' });
  await rec.waitPort(47178);
  rec.node('proxy', '../recorder/lib/tcp-proxy.js', { args: ['--listen', '47177', '--target', '47178', '--lifetime', '7000'], log: 'proxy.log', debug: '' });
  await rec.waitPort(47177);
  await rec.record({ url: 'http://127.0.0.1:47177/', duration: 36000 });
};
