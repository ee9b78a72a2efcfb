// STAND-IN for Vercel's edge network in front of Vercel Functions (Vercel cannot run here).
// Built from Vercel's documentation (links in README.md):
// - every response carries `server: Vercel`, `x-vercel-id: <edge region>::<function region>::<id>`
//   and `x-vercel-cache` (docs: Response headers);
// - Functions do not support WebSockets (Vercel guide): the edge forwards the upgrade request to
//   the function as a plain HTTP request, without the hop-by-hop Upgrade/Connection headers, as an
//   HTTP proxy that does not pass upgrades does;
// - each invocation may run on another instance, and instances share no memory (Functions docs):
//   requests are spread round-robin over three instances, which are real socket.io servers.
const http = require('http');
const crypto = require('crypto');
const { createPageHandler } = require('../recorder/lib/page-server');

const PORT = Number(process.env.PORT);
const INSTANCES = process.env.INSTANCES.split(',').map(Number);
const log = (s) => console.log(`${new Date().toISOString()} edge ${s}`);
const page = createPageHandler(__dirname);
let next = 0;

function vercelHeaders(res, cache) {
  // x-vercel-id format as documented/observed: "<edge>::<function region>::<id>-<epoch ms>-<hex>"
  const id = `fra1::iad1::${crypto.randomBytes(3).toString('hex').slice(0, 5)}-${Date.now()}-${crypto.randomBytes(6).toString('hex')}`;
  res.setHeader('server', 'Vercel');
  res.setHeader('x-vercel-id', id);
  res.setHeader('x-vercel-cache', cache);
}

const server = http.createServer((req, res) => {
  if (!req.url.startsWith('/socket.io/')) {
    vercelHeaders(res, 'HIT');
    if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('The page could not be found\n\nNOT_FOUND\n'); }
    return;
  }
  const port = INSTANCES[next++ % INSTANCES.length];
  const headers = Object.assign({}, req.headers);
  delete headers.upgrade; delete headers.connection; // hop-by-hop: not passed to a function
  delete headers['sec-websocket-key']; delete headers['sec-websocket-version']; delete headers['sec-websocket-extensions'];
  const up = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers }, (r) => {
    vercelHeaders(res, 'MISS');
    for (const [k, v] of Object.entries(r.headers)) if (k !== 'connection' && k !== 'keep-alive') res.setHeader(k, v);
    res.writeHead(r.statusCode);
    r.pipe(res);
  });
  up.on('error', (e) => { log(`instance ${port} failed: ${e.message}`); vercelHeaders(res, 'MISS'); res.writeHead(502); res.end(); });
  req.pipe(up);
  log(`${req.method} ${req.url} -> instance :${port}`);
});
server.listen(PORT, '127.0.0.1', () => log(`listening on http://127.0.0.1:${PORT}`));
