// socket.io 4.8.1 server (default allowEIO3: false) that serves a page using the 2.x client.
const http = require('http');
const { Server } = require('socket.io-v4');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 47051);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const io = new Server(httpServer); // missing: { allowEIO3: true }
io.engine.on('connection_error', (err) => log(`connection_error code ${err.code} ${err.message} ${err.req.url}`));
io.on('connection', (socket) => log(`connect ${socket.id}`));
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
