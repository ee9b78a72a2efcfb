// wrong-path--404: server path "/realtime", client default path "/socket.io/".
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47149' }, log: 'server.log' });
  await rec.waitPort(47149);
  await rec.record({ url: 'http://127.0.0.1:47149/', duration: 7000 });
};
