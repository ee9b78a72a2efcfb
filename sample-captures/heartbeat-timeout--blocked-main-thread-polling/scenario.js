// heartbeat-timeout--blocked-main-thread-polling: a polling-only client; pingInterval 2000 / pingTimeout 1000, page busy-loops 5 s.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47093' }, log: 'server.log' });
  await rec.waitPort(47093);
  await rec.record({ url: 'http://127.0.0.1:47093/', duration: 12000 });
};
