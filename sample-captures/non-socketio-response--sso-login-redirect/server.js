// socket.io 4.8.1 backend on 127.0.0.1:PORT behind nginx; never reached (the SSO redirect wins).
const http = require('http');
const { Server } = require('socket.io-v4');

const PORT = Number(process.env.PORT || 48663);
const log = (s) => console.log(`${new Date().toISOString()} app ${s}`);
const httpServer = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const io = new Server(httpServer);
io.on('connection', (socket) => log(`connect ${socket.id}`));
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
