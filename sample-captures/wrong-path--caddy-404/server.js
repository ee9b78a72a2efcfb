// socket.io 4.8.1 backend behind a reverse proxy; also serves client.html. Default options.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 47012);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer);

io.on('connection', (socket) => {
  log(`connect ${socket.id} engine sid ${socket.conn.id} transport ${socket.conn.transport.name}`);
  socket.conn.on('upgrade', (t) => log(`upgraded ${socket.id} to ${t.name}`));
  socket.on('chat', (msg, ack) => {
    socket.emit('chat', `echo: ${msg}`);
    if (typeof ack === 'function') ack({ ok: true });
  });
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});

httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
