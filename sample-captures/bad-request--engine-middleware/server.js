// socket.io 4.8.1 server with an Engine.IO-level middleware (io.engine.use) that fails every request.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 47145);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/html' }); res.end('<!DOCTYPE html><html><body><pre>Cannot ' + req.method + ' ' + req.url.split('?')[0] + '</pre></body></html>'); }
});
const io = new Server(httpServer);
io.engine.use((req, res, next) => {
  // e.g. a session / rate-limit middleware that errors out
  next(new Error('session store unavailable'));
});
io.engine.on('connection_error', (err) => log(`connection_error code ${err.code} ${err.message} ${err.req.method} ${err.req.url}`));
io.on('connection', (socket) => {
  log(`connect ${socket.id} engine sid ${socket.conn.id}`);
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
