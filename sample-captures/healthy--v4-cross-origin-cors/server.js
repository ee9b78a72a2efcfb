// socket.io 4.8.1 API server on its own port WITH the `cors` option for the page origin (the healthy
// twin of cors-missing-headers--v4-no-cors). The page is served from another origin.
const http = require('http');
const { Server } = require('socket.io-v4');

const PORT = Number(process.env.PORT || 47342);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const httpServer = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const io = new Server(httpServer, { cors: { origin: "http://127.0.0.1:47341" } });
io.on('connection', (socket) => {
  log(`connect ${socket.id}`);
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
