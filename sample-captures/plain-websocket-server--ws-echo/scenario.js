// plain-websocket-server--ws-echo: socket.io-client 4 (websocket only) -> plain `ws` echo server.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47061' }, log: 'server.log' });
  await rec.waitPort(47061);
  await rec.record({ url: 'http://127.0.0.1:47061/', duration: 8000 });
};
