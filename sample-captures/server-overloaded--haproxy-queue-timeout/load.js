// The other users: CLIENTS Node socket.io-client 4.8.1 clients, WebSocket only, so that each holds
// exactly one of HAProxy's connection slots to the server for as long as it stays connected.
const { io } = require('socket.io-client-v4');

const log = (s) => console.log(`${new Date().toISOString()} load ${s}`);
for (let i = 0; i < Number(process.env.CLIENTS); i++) {
  const s = io(process.env.URL, { transports: ['websocket'], forceNew: true });
  s.on('connect', () => log(`client ${i} connected ${s.id}`));
  s.on('disconnect', (r) => log(`client ${i} disconnect ${r}`));
  s.on('connect_error', (e) => log(`client ${i} connect_error ${e.message}`));
}
