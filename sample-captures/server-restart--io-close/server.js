// socket.io 4.8.1 server that shuts down gracefully on SIGTERM (io.close(), as in a deploy /
// rolling restart). The recorder starts a new process on the same port right after.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 47171);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer);
io.on('connection', (socket) => {
  log(`connect ${socket.id} engine sid ${socket.conn.id}`);
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
process.on('SIGTERM', () => {
  log(`SIGTERM received, closing ${io.engine.clientsCount} connection(s)`);
  io.close(() => { log('closed, exiting'); process.exit(0); });
});
httpServer.listen(PORT, '127.0.0.1', () => log(`pid ${process.pid} listening on http://127.0.0.1:${PORT}`));
