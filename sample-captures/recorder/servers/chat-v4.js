// socket.io 4.8.1 chat server shared by the exporter captures (`*--playwright-*`, `*--mitmproxy-*`,
// `*--firefox-*`, `*--chrome-sanitized-*`). One file, configured by environment, so that the same
// scenario recorded through different exporters runs the very same server:
//   PORT          port to listen on (127.0.0.1)
//   TRANSPORTS    server `transports` option, comma separated (default: polling,websocket)
//   CORS_ORIGIN   when set, the `cors: {origin, credentials: true}` option; unset = no CORS headers
//   SERVE_PAGE    "1" (default): also serve the chat page (same origin); "0": API only
//   COOKIE        "1": engine.io `cookie` option (Set-Cookie io=<sid> on the handshake)
//   AUTH_HEADER   when set, an io.use() middleware accepts only `Authorization: Bearer <AUTH_HEADER>`
//   CERT_DIR      when set, HTTPS with <CERT_DIR>/key.pem and cert.pem (and a log line per failed TLS handshake)
const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../lib/page-server');

const PORT = Number(process.env.PORT);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = process.env.SERVE_PAGE === '0' ? () => false
  : createPageHandler(path.join(__dirname, '..', 'pages'), { index: 'chat-v4.html' });
const handler = (req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
};
const tls = process.env.CERT_DIR ? {
  key: fs.readFileSync(path.join(process.env.CERT_DIR, 'key.pem')),
  cert: fs.readFileSync(path.join(process.env.CERT_DIR, 'cert.pem')),
} : null;
const httpServer = tls ? https.createServer(tls, handler) : http.createServer(handler);
if (tls) {
  httpServer.on('tlsClientError', (err) => {
    if (err.code === 'ECONNRESET') return; // plain TCP probes (the recorder's port check)
    log(`TLS client error: ${err.code || ''} ${err.message.trim()}`);
  });
}
const opts = {};
if (process.env.TRANSPORTS) opts.transports = process.env.TRANSPORTS.split(',');
if (process.env.CORS_ORIGIN) opts.cors = { origin: process.env.CORS_ORIGIN, credentials: true };
if (process.env.COOKIE === '1') opts.cookie = { name: 'io', httpOnly: true, sameSite: 'lax' };
const io = new Server(httpServer, opts);
io.engine.on('connection_error', (e) => log(`connection_error code ${e.code} ${e.message} ${e.req && e.req.url}`));
if (process.env.AUTH_HEADER) {
  io.use((socket, next) => {
    const auth = socket.handshake.headers.authorization || '';
    if (auth !== `Bearer ${process.env.AUTH_HEADER}`) {
      log(`auth failed for engine sid ${socket.conn.id}`);
      return next(new Error('not authorized'));
    }
    next();
  });
}
io.on('connection', (socket) => {
  log(`connect ${socket.id} engine sid ${socket.conn.id} transport ${socket.conn.transport.name}`);
  socket.conn.on('upgrade', (t) => log(`upgraded ${socket.id} to ${t.name}`));
  socket.on('chat', (msg, ack) => {
    socket.emit('chat', `echo: ${msg}`);
    if (typeof ack === 'function') ack({ ok: true });
  });
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on ${tls ? 'https' : 'http'}://127.0.0.1:${PORT}`));
