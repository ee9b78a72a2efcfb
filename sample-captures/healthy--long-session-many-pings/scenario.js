// healthy--long-session-many-pings: pingInterval 1000, 20 s session, ~19 PING/PONG pairs.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47125' }, log: 'server.log' });
  await rec.waitPort(47125);
  await rec.record({ url: 'http://127.0.0.1:47125/', duration: 20000 });
};
