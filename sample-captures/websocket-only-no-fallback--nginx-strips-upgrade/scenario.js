// websocket-only-no-fallback--nginx-strips-upgrade: client transports ["websocket"] through an
// nginx that does not forward Upgrade/Connection: every WebSocket handshake fails, no polling fallback.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47154' }, log: 'server.log' });
  await rec.waitPort(47154);
  await rec.nginx('nginx.conf');
  await rec.record({ url: 'http://127.0.0.1:47153/', duration: 8000 });
};
