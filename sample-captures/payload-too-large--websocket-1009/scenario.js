// payload-too-large--websocket-1009: client upgrades to WebSocket, then emits a 1.2 MB string;
// maxHttpBufferSize 1e6 is passed to ws as maxPayload -> close 1009.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47103' }, log: 'server.log' });
  await rec.waitPort(47103);
  await rec.record({ url: 'http://127.0.0.1:47103/', duration: 6000 });
};
