// healthy--v4-cross-origin-cors: the cors-missing-headers--v4-no-cors set-up (page origin http://127.0.0.1:47341,
// socket.io 4 server on http://127.0.0.1:47342) with the cors option for the page origin.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47342' }, log: 'server.log' });
  await rec.waitPort(47342);
  await rec.pageServer(47341);
  await rec.record({ url: 'http://127.0.0.1:47341/', duration: 8000 });
};
