// cors-missing-headers--v4-no-cors: page origin http://127.0.0.1:47041, socket.io 4 server on
// http://127.0.0.1:47042 without the cors option.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47042' }, log: 'server.log' });
  await rec.waitPort(47042);
  await rec.pageServer(47041);
  await rec.record({ url: 'http://127.0.0.1:47041/', duration: 8000 });
};
