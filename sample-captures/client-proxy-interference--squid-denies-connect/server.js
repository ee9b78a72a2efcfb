// One socket.io 4.8.1 server that also serves client.html: nothing wrong on the server side.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer);
io.engine.on('connection_error', (err) => log(`connection_error code ${err.code} ${err.message} ${err.req.url}`));
io.on('connection', (socket) => {
  log(`connect ${socket.id} engine sid ${socket.conn.id} transport ${socket.conn.transport.name}`);
  socket.conn.on('upgrade', (t) => log(`upgraded ${socket.conn.id} to ${t.name}`));
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
