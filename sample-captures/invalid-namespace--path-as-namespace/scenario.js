// invalid-namespace--path-as-namespace: io("http://host:port/my-path") joins namespace /my-path.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47081' }, log: 'server.log' });
  await rec.waitPort(47081);
  await rec.record({ url: 'http://127.0.0.1:47081/', duration: 6000 });
};
