// bad-request--engine-middleware: io.engine.use middleware calls next(new Error(...)).
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47145' }, log: 'server.log' });
  await rec.waitPort(47145);
  await rec.record({ url: 'http://127.0.0.1:47145/', duration: 7000 });
};
