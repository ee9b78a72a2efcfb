// healthy--v2-pair: socket.io 2.4.1 server + socket.io-client 2.4.0, polling then upgrade, ~8 s.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47121' }, log: 'server.log' });
  await rec.waitPort(47121);
  await rec.record({ url: 'http://127.0.0.1:47121/', duration: 8000 });
};
