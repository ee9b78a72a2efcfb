// socket.io 4.8.1 server with a short heartbeat (Firefox recording): ping every 2 s, pong expected within 1 s.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 47094);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
// the page is its Chromium twin's (the same scenario, recorded with another browser)
const page = createPageHandler(require('path').join(__dirname, '..', 'heartbeat-timeout--blocked-main-thread-polling'));
// the recorder's go.html: Firefox's HAR export starts at the navigation it makes
const pages = createPageHandler(require('path').join(__dirname, '..', 'recorder', 'pages'));
const httpServer = http.createServer((req, res) => {
  if (!page(req, res) && !pages(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer, { pingInterval: 2000, pingTimeout: 1000 });
io.on('connection', (socket) => {
  log(`connect ${socket.id} engine sid ${socket.conn.id}`);
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
