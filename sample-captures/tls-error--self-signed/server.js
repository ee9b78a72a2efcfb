// socket.io 4.8.1 server over HTTPS with a self-signed certificate (made by record.sh with openssl).
// CORS is configured for the page origin, so the certificate is the only problem.
const fs = require('fs');
const path = require('path');
const https = require('https');
const { Server } = require('socket.io-v4');

const PORT = Number(process.env.PORT || 47188);
const CERT_DIR = process.env.CERT_DIR;
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const httpsServer = https.createServer({
  key: fs.readFileSync(path.join(CERT_DIR, 'key.pem')),
  cert: fs.readFileSync(path.join(CERT_DIR, 'cert.pem')),
});
httpsServer.on('tlsClientError', (err) => {
  if (err.code === 'ECONNRESET') return; // plain TCP probes (the recorder's port check)
  log(`TLS client error: ${err.code || ''} ${err.message.trim()}`);
});
const io = new Server(httpsServer, { cors: { origin: 'http://127.0.0.1:47187' } });
io.on('connection', (socket) => log(`connect ${socket.id}`));
httpsServer.listen(PORT, '127.0.0.1', () => log(`listening on https://127.0.0.1:${PORT}`));
