// socket.io 4.8.1 server that also serves client.html (same origin, default options): the
// server is fine; the browser's extension blocks every /socket.io/ request before it is sent.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 48611);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  log(`http ${req.method} ${req.url}`);
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer);
io.on('connection', (socket) => {
  log(`connect ${socket.id}`);
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
