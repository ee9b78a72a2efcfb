// cors-missing-headers--netty-set-origin-mismatch: netty-socketio 2.0.13 configured with
// Configuration.setOrigin("https://chat.example.com") (the production site); the page is served
// from another origin (http://127.0.0.1:<port>, think: a staging or local front end) and connects
// with client 4.8.1. The page is the auth-rejected--netty-authorization-listener client.
const path = require('path');
const { freePort, nettyServer } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, pagePort] = [await freePort(), await freePort()];
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port), ORIGIN: 'https://chat.example.com' }, 'server.log');
  await rec.waitPort(port, 30000);
  await rec.pageServer(pagePort, { index: path.relative(rec.dir, path.join(__dirname, '..', 'auth-rejected--netty-authorization-listener', 'client.html')) });
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 6000 });
};
