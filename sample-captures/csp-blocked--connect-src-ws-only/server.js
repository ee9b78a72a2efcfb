// Two origins in one process: the page on PAGE_PORT, served with a Content-Security-Policy whose
// connect-src lists the socket server's ws:// origin but not its http:// origin (the one
// long-polling uses), and a socket.io 4.8.1 server on SOCKET_PORT that allows the page by CORS.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PAGE_PORT = Number(process.env.PAGE_PORT || 48621);
const SOCKET_PORT = Number(process.env.SOCKET_PORT || 48622);
const CSP = `default-src 'self'; connect-src 'self' ws://127.0.0.1:${SOCKET_PORT}`;
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
io.on('connection', (socket) => log(`connect ${socket.id}`));
socketServer.listen(SOCKET_PORT, '127.0.0.1', () => log(`socket.io on http://127.0.0.1:${SOCKET_PORT}`));
