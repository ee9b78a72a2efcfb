// Two origins in one process: the page on PAGE_PORT, served with a Content-Security-Policy whose
// connect-src lists the socket server's http:// origin (long-polling works) but not its ws://
// origin, so the upgrade to WebSocket is blocked; and a socket.io 4.8.1 server on SOCKET_PORT
// that allows the page by CORS and logs each connection's transport.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PAGE_PORT = Number(process.env.PAGE_PORT || 48671);
const SOCKET_PORT = Number(process.env.SOCKET_PORT || 48672);
const CSP = `default-src 'self'; connect-src 'self' http://127.0.0.1:${SOCKET_PORT}`;
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
http.createServer((req, res) => {
  log(`page ${req.method} ${req.url}`);
  res.setHeader('Content-Security-Policy', CSP);
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
}).listen(PAGE_PORT, '127.0.0.1', () => log(`page on http://127.0.0.1:${PAGE_PORT} with CSP: ${CSP}`));

const socketServer = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const io = new Server(socketServer, { cors: { origin: `http://127.0.0.1:${PAGE_PORT}` } });
io.engine.on('connection_error', (err) => log(`connection_error code ${err.code} ${err.message}`));
io.on('connection', (socket) => {
  log(`connect ${socket.id} transport ${socket.conn.transport.name}`);
  socket.conn.on('upgrade', (t) => log(`upgraded ${socket.id} to ${t.name}`));
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
socketServer.listen(SOCKET_PORT, '127.0.0.1', () => log(`socket.io on http://127.0.0.1:${SOCKET_PORT}`));
