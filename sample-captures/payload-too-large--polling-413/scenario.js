// payload-too-large--polling-413: polling-only client emits a 1.2 MB string; maxHttpBufferSize 1e6.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47101' }, log: 'server.log' });
  await rec.waitPort(47101);
  await rec.record({ url: 'http://127.0.0.1:47101/', duration: 6000 });
};
