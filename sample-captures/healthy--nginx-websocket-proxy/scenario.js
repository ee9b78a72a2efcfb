// healthy--nginx-websocket-proxy: the same app and nginx as websocket-upgrade-blocked--nginx-no-upgrade-headers,
// but nginx forwards Upgrade/Connection over HTTP/1.1, so the WebSocket upgrade succeeds (101).
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47312' }, log: 'server.log' });
  await rec.waitPort(47312);
  await rec.nginx('nginx.conf', { port: 47311 });
  await rec.record({ url: 'http://127.0.0.1:47311/', duration: 9000 });
};
