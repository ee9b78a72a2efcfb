// healthy--custom-path-namespace: server path "/realtime/", namespace "/chat", client matches both.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47131' }, log: 'server.log' });
  await rec.waitPort(47131);
  await rec.record({ url: 'http://127.0.0.1:47131/', duration: 8000 });
};
