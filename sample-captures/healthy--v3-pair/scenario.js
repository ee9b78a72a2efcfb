// healthy--v3-pair: socket.io 3.1.2 server + socket.io-client 3.1.3, polling then upgrade, ~8 s.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47123' }, log: 'server.log' });
  await rec.waitPort(47123);
  await rec.record({ url: 'http://127.0.0.1:47123/', duration: 8000 });
};
