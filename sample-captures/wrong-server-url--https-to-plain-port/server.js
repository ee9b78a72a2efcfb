// The site chat.example.com (mapped to 127.0.0.1 inside Chromium): the page on PAGE_PORT and a
// socket.io 4.8.1 server over plain HTTP on SOCKET_PORT. The client is given
// https://chat.example.com:SOCKET_PORT, so Chromium starts a TLS handshake with a plain-HTTP port.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PAGE_PORT = Number(process.env.PAGE_PORT || 48641);
const SOCKET_PORT = Number(process.env.SOCKET_PORT || 48642);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
http.createServer((req, res) => {
  log(`page ${req.method} ${req.url}`);
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
}).listen(PAGE_PORT, '127.0.0.1', () => log(`page on http://chat.example.com:${PAGE_PORT}`));

const socketServer = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const io = new Server(socketServer, { cors: { origin: `http://chat.example.com:${PAGE_PORT}` } });
io.on('connection', (socket) => log(`connect ${socket.id}`));
socketServer.listen(SOCKET_PORT, '127.0.0.1', () => log(`socket.io over plain HTTP on chat.example.com:${SOCKET_PORT}`));
