// version-mismatch--v4-client-v2-server: socket.io-client 4.8.1 (EIO=4) -> socket.io 2.4.1 server.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47053' }, log: 'server.log' });
  await rec.waitPort(47053);
  await rec.record({ url: 'http://127.0.0.1:47053/', duration: 8000 });
};
