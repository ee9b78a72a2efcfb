// version-mismatch--v2-client-v4-server: socket.io-client 2.4.0 (EIO=3) -> socket.io 4.8.1 server.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47051' }, log: 'server.log' });
  await rec.waitPort(47051);
  await rec.record({ url: 'http://127.0.0.1:47051/', duration: 8000 });
};
