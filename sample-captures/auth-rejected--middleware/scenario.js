// auth-rejected--middleware: io.use() middleware calls next(new Error("not authorized")).
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47071' }, log: 'server.log' });
  await rec.waitPort(47071);
  await rec.record({ url: 'http://127.0.0.1:47071/', duration: 6000 });
};
