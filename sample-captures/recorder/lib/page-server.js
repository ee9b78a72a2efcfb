'use strict';
// Serves a scenario's static files (client.html, ...) and the socket.io-client browser
// bundles from the pinned npm packages:
//   /vendor/v2/socket.io.js  -> socket.io-client@2.4.0 dist/socket.io.js
//   /vendor/v3/socket.io.js  -> socket.io-client@3.1.3 dist/socket.io.js
//   /vendor/v4/socket.io.js  -> socket.io-client@4.8.1 dist/socket.io.js
// Usable from a scenario's own server.js (same-origin pages) and from the recorder.
const fs = require('fs');
const path = require('path');
const http = require('http');

const NODE_MODULES = path.join(__dirname, '..', 'node_modules');
// the recorder's start page (pages/go.html): Firefox's HAR export starts at the navigation it makes,
// so every scenario's own server serves it too (a scenario folder's own go.html wins)
const START_PAGE = path.join(__dirname, '..', 'pages', 'go.html');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json' };

function createPageHandler(dir, opts = {}) {
  const index = opts.index || 'client.html';
  return function handle(req, res) {
    const u = new URL(req.url, 'http://x');
    let file = null;
    const m = /^\/vendor\/(v[234])\/(socket\.io(?:\.min)?\.js)$/.exec(u.pathname);
    if (m) file = path.join(NODE_MODULES, 'socket.io-client-' + m[1], 'dist', m[2]);
    else if (u.pathname === '/' ) file = path.join(dir, index);
    else if (/^\/[\w.-]+\.(html|js|css)$/.test(u.pathname) && !/^\/(server|scenario|node-\w+)\.js$/.test(u.pathname)) file = path.join(dir, u.pathname);
    if (file && u.pathname === '/go.html' && !fs.existsSync(file)) file = START_PAGE;
    if (!file || !fs.existsSync(file)) return false;
    const body = fs.readFileSync(file);
    // opts.headers: extra response headers for the pages (a Content-Security-Policy, ...)
    const extra = path.extname(file) === '.html' ? opts.headers || {} : {};
    res.writeHead(200, Object.assign({ 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'no-store' }, extra));
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

// A plain static server (used when the page and the socket server are different origins,
// or when no socket server exists at all).
function startPageServer(dir, port, opts = {}) {
  const handle = createPageHandler(dir, opts);
  const server = (opts.https ? require('https').createServer(opts.https) : http.createServer())
    .on('request', (req, res) => {
      if (!handle(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found'); }
    });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

module.exports = { createPageHandler, startPageServer };
