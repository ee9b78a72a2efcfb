// healthy--v4-websocket-upgrade: socket.io 4 server + client 4, polling then upgrade, 4 events, ~8 s.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47001' }, log: 'server.log' });
  await rec.waitPort(47001);
  await rec.record({ url: 'http://127.0.0.1:47001/', duration: 8000 });
};
