// server-forced-disconnect--server-calls-disconnect: server calls socket.disconnect() after 2 s.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47161' }, log: 'server.log' });
  await rec.waitPort(47161);
  await rec.record({ url: 'http://127.0.0.1:47161/', duration: 5000 });
};
