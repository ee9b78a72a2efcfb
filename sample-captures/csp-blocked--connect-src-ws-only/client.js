// In a file of its own: the page's CSP (default-src 'self') forbids inline scripts.
const socket = io('http://127.0.0.1:48622');
socket.on('connect', () => console.log('connected', socket.id));
socket.on('connect_error', (err) => console.log('connect_error', err.message));
socket.io.on('reconnect_attempt', (n) => console.log('reconnect attempt', n));
