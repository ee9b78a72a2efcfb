// socket.io 4.8.1 server with an auth middleware that rejects the client's (expired) token.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 47071);
const VALID_TOKENS = new Set(['demo-token-456']); // the page still sends the old demo-token-123
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer);
io.use((socket, next) => {
  const token = socket.handshake.auth && socket.handshake.auth.token;
  if (!VALID_TOKENS.has(token)) {
    log(`auth failed for engine sid ${socket.conn.id}`);
    return next(new Error('not authorized'));
  }
  next();
});
io.on('connection', (socket) => log(`connect ${socket.id}`));
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
