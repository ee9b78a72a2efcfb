// healthy--websocket-only: client transports ["websocket"], no polling at all, ~8 s.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47129' }, log: 'server.log' });
  await rec.waitPort(47129);
  await rec.record({ url: 'http://127.0.0.1:47129/', duration: 8000 });
};
