// websocket-upgrade-blocked--nginx-no-upgrade-headers: page and socket.io go through nginx,
// which does not forward Upgrade/Connection, so transport=websocket reaches engine.io as a
// plain GET and is refused with 400 {"code":3,"message":"Bad request"}.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47012' }, log: 'server.log' });
  await rec.waitPort(47012);
  await rec.nginx('nginx.conf', { port: 47011 });
  await rec.record({ url: 'http://127.0.0.1:47011/', duration: 9000 });
};
