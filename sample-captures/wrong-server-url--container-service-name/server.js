// The deployed site chat.example.com (mapped to 127.0.0.1 inside Chromium): one process serves the
// page and runs the socket.io 4.8.1 server on the same origin, where the client should connect.
// The page's bundle was built with the Compose-network URL http://backend:48682 (the name the
// frontend container uses for the backend), which no browser outside that network can resolve.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 48681);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  log(`http ${req.method} ${req.url}`);
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer);
io.on('connection', (socket) => log(`connect ${socket.id}`));
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://chat.example.com:${PORT} (127.0.0.1)`));
