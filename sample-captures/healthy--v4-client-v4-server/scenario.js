// healthy--v4-client-v4-server: the page of version-mismatch--v4-client-v2-server (socket.io-client
// 4.8.1, EIO=4) against a socket.io 4.8.1 server instead of 2.4.1: the healthy twin of that capture.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47331' }, log: 'server.log' });
  await rec.waitPort(47331);
  await rec.record({ url: 'http://127.0.0.1:47331/', duration: 8000 });
};
