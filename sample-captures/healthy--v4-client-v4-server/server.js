// socket.io 4.8.1 server (engine.io 6.6.12, Engine.IO protocol 4) serving a page that uses the
// 4.x client (Engine.IO protocol 4).
const http = require('http');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 47331);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new (require('socket.io-v4').Server)(httpServer);
io.on('connection', (socket) => {
  log(`connect ${socket.id}`);
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
