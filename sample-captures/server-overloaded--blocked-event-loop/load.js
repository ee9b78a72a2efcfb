// 30 Node socket.io-client 4.8.1 clients (the other users), WebSocket only so each holds one
// connection. On SIGUSR2, client 0 asks for the report that blocks the server's event loop,
// just after its next heartbeat ping (all 30 connected together, so their pings come together).
const { io } = require('socket.io-client-v4');

const URL = process.env.URL;
const N = Number(process.env.CLIENTS);
const log = (s) => console.log(`${new Date().toISOString()} load ${s}`);
const sockets = [];
for (let i = 0; i < N; i++) {
  const s = io(URL, { transports: ['websocket'], forceNew: true });
  s.on('connect', () => log(`client ${i} connected ${s.id}`));
  s.on('disconnect', (r) => log(`client ${i} disconnect ${r}`));
  s.on('connect_error', (e) => log(`client ${i} connect_error ${e.message}`));
  sockets.push(s);
}
process.on('SIGUSR2', () => {
  sockets[0].io.engine.once('ping', () => setTimeout(() => { log('client 0 asks for the report'); sockets[0].emit('report'); }, 300));
});
