// socket.io 4.8.1 server over plain HTTP on app.test:47192, CORS allowed for the https page.
const http = require('http');
const { Server } = require('socket.io-v4');

const PORT = Number(process.env.PORT || 47192);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const httpServer = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const io = new Server(httpServer, { cors: { origin: 'https://app.test:47191' } });
io.on('connection', (socket) => log(`connect ${socket.id}`));
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://app.test:${PORT} (127.0.0.1)`));
