// One socket.io 4.8.1 node (started twice: node-a and node-b). Each node also serves client.html.
// No adapter, no sticky sessions: every node only knows its own Engine.IO sessions.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT);
const NODE = process.env.NODE_NAME;
const log = (s) => console.log(`${new Date().toISOString()} app [${NODE}] ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer);
io.engine.on('connection_error', (err) => log(`connection_error code ${err.code} ${err.message} ${err.req.url}`));
io.on('connection', (socket) => {
  log(`connect ${socket.id} engine sid ${socket.conn.id}`);
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
