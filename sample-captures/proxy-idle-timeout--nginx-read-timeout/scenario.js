// proxy-idle-timeout--nginx-read-timeout: nginx proxy_read_timeout 5s cuts the idle WebSocket
// every ~5 s (socket.io pingInterval 25 s). Recorded ~27 s to show >= 4 disconnects.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47112' }, log: 'server.log' });
  await rec.waitPort(47112);
  await rec.nginx('nginx.conf');
  await rec.record({ url: 'http://127.0.0.1:47111/', duration: 27000 });
};
