// socket.io 4.8.1 server whose event loop is blocked by a synchronous handler: the "report"
// event runs a 9-second CPU loop (standing for a big JSON.parse / sync crypto / image resize).
// Heartbeats of 5 s / 3 s so the ping timeouts show within the recording.
const http = require('http');
const { Server } = require('socket.io-v4');

const PORT = Number(process.env.PORT);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const httpServer = http.createServer((req, res) => { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); });
const io = new Server(httpServer, { pingInterval: 5000, pingTimeout: 3000, cors: { origin: process.env.PAGE_ORIGIN } });
io.engine.on('connection_error', (err) => log(`connection_error code ${err.code} ${err.message} ${err.req.url}`));
io.on('connection', (socket) => {
  socket.on('report', () => {
    log(`report requested by ${socket.id}: building it synchronously (${io.engine.clientsCount} clients connected)`);
    const until = Date.now() + 9000;
    let x = 0;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    log(`report done after blocking the event loop for 9 s`);
  });
  socket.on('disconnect', (reason) => log(`disconnect ${socket.id} reason ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
