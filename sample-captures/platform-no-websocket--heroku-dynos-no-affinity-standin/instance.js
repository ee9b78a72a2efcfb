// One instance of the app (a Heroku web dyno, an App Service instance): a real socket.io 4.8.1
// server; the platform stand-in (recorder/lib/platform-edge.js) routes the requests to it.
const http = require('http');
const { Server } = require('socket.io-v4');

const PORT = Number(process.env.PORT);
const NODE = process.env.NODE_NAME;
const log = (s) => console.log(`${new Date().toISOString()} app [${NODE}] ${s}`);
const httpServer = http.createServer((req, res) => { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); });
const io = new Server(httpServer);
io.engine.on('connection_error', (err) => log(`connection_error code ${err.code} ${err.message} ${err.req.url}`));
io.on('connection', (socket) => {
  log(`connect ${socket.id} engine sid ${socket.conn.id}`);
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
