// In a file of its own: the page's CSP (default-src 'self') forbids inline scripts.
const socket = io('http://127.0.0.1:48672');
socket.io.on('open', () => socket.io.engine.on('upgrade', (t) => console.log('transport upgraded to', t.name)));
socket.on('connect', () => console.log('connected', socket.id, 'via', socket.io.engine.transport.name));
socket.on('connect_error', (err) => console.log('connect_error', err.message));
let n = 0;
const timer = setInterval(() => {
  if (!socket.connected) return;
  n++;
  socket.emit('chat', 'hello ' + n);
  console.log('still on', socket.io.engine.transport.name);
  if (n >= 3) clearInterval(timer);
}, 1500);
