// request-forbidden--allow-request: allowRequest calls cb("nope", false).
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47143' }, log: 'server.log' });
  await rec.waitPort(47143);
  await rec.record({ url: 'http://127.0.0.1:47143/', duration: 7000 });
};
