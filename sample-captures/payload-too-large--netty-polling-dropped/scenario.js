// payload-too-large--netty-polling-dropped: netty-socketio 2.0.13 with its default maxHttpContentLength
// (65536 bytes); the page (another origin) connects with client 4.8.1 kept on long-polling
// (&transports=polling), then emits a 200,000-character string once (the same client.html as
// payload-too-large--netty-websocket-frame).
const path = require('path');
const { freePort, nettyServer } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, pagePort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port) }, 'server.log');
  await rec.waitPort(port, 30000);
  await rec.pageServer(pagePort, { index: path.relative(rec.dir, path.join(__dirname, '..', 'payload-too-large--netty-websocket-frame', 'client.html')) });
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}&transports=polling`, duration: 6000 });
};
