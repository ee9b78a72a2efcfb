// socket.io 2.4.1 server (engine.io 3.5.0) with default options; serves client.html and the 2.4.0 client.
const http = require('http');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 47121);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = require('socket.io-v2')(httpServer);
io.on('connection', (socket) => {
  log(`connect ${socket.id} transport ${socket.conn.transport.name}`);
  socket.conn.on('upgrade', (t) => log(`upgraded ${socket.id} to ${t.name}`));
  socket.on('chat', (msg, ack) => {
    socket.emit('chat', `echo: ${msg}`);
    if (typeof ack === 'function') ack({ ok: true });
  });
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
