// payload-too-large--netty-websocket-frame: netty-socketio 2.0.13 with its default
// maxFramePayloadLength (65536 bytes); the page (another origin) connects with client 4.8.1, which
// upgrades to WebSocket, then emits a 200,000-character string (150,000 random bytes as
// base64: permessage-deflate cannot shrink it under the limit) once.
const { freePort, nettyServer } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, pagePort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port) }, 'server.log');
  await rec.waitPort(port, 30000);
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 6000 });
};
