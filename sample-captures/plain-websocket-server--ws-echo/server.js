// A plain WebSocket echo server (ws 8.23.0), NOT a Socket.IO server. Like many such servers it
// greets each client with a JSON message, then echoes every message back. It also serves client.html.
const http = require('http');
const { WebSocketServer } = require('ws');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT || 47061);
const log = (s) => console.log(`${new Date().toISOString()} echo ${s}`);
const page = createPageHandler(__dirname);
const httpServer = http.createServer((req, res) => {
  if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
});
const wss = new WebSocketServer({ server: httpServer });
let n = 0;
wss.on('connection', (ws, req) => {
  const id = ++n;
  log(`connection #${id} ${req.url}`);
  ws.send(JSON.stringify({ type: 'welcome', server: 'echo', id }));
  ws.on('message', (data, isBinary) => { log(`#${id} echo ${data}`); ws.send(data, { binary: isBinary }); });
  ws.on('close', (code, reason) => log(`#${id} closed ${code} ${reason}`));
});
httpServer.listen(PORT, '127.0.0.1', () => log(`listening on ws://127.0.0.1:${PORT}`));
