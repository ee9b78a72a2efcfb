// socket.io 4.8.1 backend behind HAProxy (port from scenario.js); default pingInterval 25000 (pingTimeout 20000).
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 0);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
// the page of this folder, or of PAGE_DIR (the polling twin serves its own client.html)
const page = createPageHandler(process.env.PAGE_DIR || __dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer, { pingInterval: 25000 });
io.on('connection', (socket) => {
  log(`connect ${socket.id} engine sid ${socket.conn.id}`);
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
