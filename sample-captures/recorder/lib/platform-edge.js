'use strict';
// STAND-IN for a hosting platform's front (edge / router) in front of the app's instances, for
// platforms that cannot run here. Each profile reproduces only what the platform documents about
// itself (the capture folder's README links the documentation for every header and behaviour):
//   vercel  `server: Vercel`, `x-vercel-id`, `x-vercel-cache`; the WebSocket upgrade is not passed
//           to a function (forwarded without the hop-by-hop Upgrade/Connection headers); every
//           request may reach another instance.
//   heroku  `Via: 1.1 vegur`; WebSockets passed through; requests spread over the dynos without
//           session affinity (the router picks a dyno per request/connection); router log lines
//           `heroku[router]: at=info method=… path="…" host=… request_id=… fwd="…" dyno=web.N
//           connect=…ms service=…ms status=… bytes=… protocol=http` to ROUTER_LOG.
//   azure   App Service with ARR affinity on (`ARRAffinity` / `ARRAffinitySameSite` cookies, the
//           instance chosen by the cookie) and "Web sockets" Off (upgrade not passed).
// Instances are real socket.io servers; the edge picks them round-robin (the real ones pick at
// random or by load: the effect on a session is the same).
//   node platform-edge.js   env: PORT, INSTANCES=port,port,..., PROFILE, PAGE_DIR, ROUTER_LOG
const http = require('http');
const net = require('net');
const fs = require('fs');
const crypto = require('crypto');
const { createPageHandler } = require('./page-server');

const PORT = Number(process.env.PORT);
const INSTANCES = process.env.INSTANCES.split(',').map(Number);
const PROFILE = process.env.PROFILE;
const page = createPageHandler(process.env.PAGE_DIR || process.cwd());
const routerLog = process.env.ROUTER_LOG ? fs.openSync(process.env.ROUTER_LOG, 'w') : null;
const log = (s) => console.log(`${new Date().toISOString()} edge ${s}`);
let next = 0;

const hex = (n) => crypto.randomBytes(n).toString('hex');
const AFFINITY = INSTANCES.map(() => hex(32)); // azure: one ARRAffinity value per instance

const PROFILES = {
  vercel: {
    passUpgrade: false,
    headers(res, forFunction) {
      res.setHeader('server', 'Vercel');
      res.setHeader('x-vercel-id', `fra1::iad1::${hex(3).slice(0, 5)}-${Date.now()}-${hex(6)}`);
      res.setHeader('x-vercel-cache', forFunction ? 'MISS' : 'HIT');
    },
    pick() { return next++ % INSTANCES.length; },
  },
  heroku: {
    passUpgrade: true,
    headers(res) { res.setHeader('Via', '1.1 vegur'); },
    pick() { return next++ % INSTANCES.length; },
  },
  azure: {
    passUpgrade: false,
    headers(res, forFunction, i, host) {
      if (i === undefined) return;
      const domain = (host || '').split(':')[0];
      res.setHeader('Set-Cookie', [
        `ARRAffinity=${AFFINITY[i]};Path=/;HttpOnly;Domain=${domain}`,
        `ARRAffinitySameSite=${AFFINITY[i]};Path=/;HttpOnly;SameSite=None;Secure;Domain=${domain}`,
      ]);
    },
    pick(req) {
      const m = /(?:^|;\s*)ARRAffinity=([0-9a-f]+)/.exec(req.headers.cookie || '');
      const i = m ? AFFINITY.indexOf(m[1]) : -1;
      return i >= 0 ? i : next++ % INSTANCES.length;
    },
  },
};
const profile = PROFILES[PROFILE];
if (!profile) throw new Error('unknown PROFILE ' + PROFILE);

function routerLine(req, fwd, i, status, bytes, started) {
  if (routerLog === null) return;
  const t = new Date().toISOString().replace('Z', '000+00:00');
  fs.writeSync(routerLog, `${t} heroku[router]: at=info method=${req.method} path="${req.url}" host=${req.headers.host} `
    + `request_id=${crypto.randomUUID()} fwd="${fwd}" dyno=web.${i + 1} connect=0ms `
    + `service=${Date.now() - started}ms status=${status} bytes=${bytes} protocol=http\n`);
}

const server = http.createServer((req, res) => {
  const started = Date.now();
  const fwd = req.socket.remoteAddress;
  if (!req.url.startsWith('/socket.io/')) {
    profile.headers(res, false, undefined, req.headers.host);
    if (!page(req, res)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('Not found\n'); }
    return;
  }
  const i = profile.pick(req);
  const headers = Object.assign({}, req.headers);
  // what reaches an app that does not get the upgrade: the hop-by-hop headers are gone
  delete headers.upgrade; delete headers.connection;
  delete headers['sec-websocket-key']; delete headers['sec-websocket-version']; delete headers['sec-websocket-extensions'];
  const up = http.request({ host: '127.0.0.1', port: INSTANCES[i], method: req.method, path: req.url, headers }, (r) => {
    profile.headers(res, true, i, req.headers.host);
    for (const [k, v] of Object.entries(r.headers)) if (k !== 'connection' && k !== 'keep-alive') res.setHeader(k, v);
    res.writeHead(r.statusCode);
    let bytes = 0;
    r.on('data', (c) => { bytes += c.length; });
    r.on('end', () => routerLine(req, fwd, i, r.statusCode, bytes, started));
    r.pipe(res);
  });
  up.on('error', (e) => { log(`instance ${i + 1} failed: ${e.message}`); res.writeHead(502); res.end(); });
  req.pipe(up);
  log(`${req.method} ${req.url} -> instance ${i + 1}`);
});

if (profile.passUpgrade) {
  // a real WebSocket tunnel to the picked instance; the router logs it when it closes
  server.on('upgrade', (req, socket, head) => {
    const started = Date.now();
    const fwd = socket.remoteAddress;
    const i = profile.pick(req);
    const upstream = net.connect(INSTANCES[i], '127.0.0.1', () => {
      let raw = `${req.method} ${req.url} HTTP/1.1\r\n`;
      for (let k = 0; k < req.rawHeaders.length; k += 2) raw += `${req.rawHeaders[k]}: ${req.rawHeaders[k + 1]}\r\n`;
      upstream.write(raw + '\r\n');
      if (head && head.length) upstream.write(head);
      let status = 0;
      let bytes = 0;
      let first = true;
      upstream.on('data', (c) => {
        bytes += c.length;
        if (first) {
          first = false;
          status = Number(/^HTTP\/1\.1 (\d{3})/.exec(c.toString('latin1'))?.[1] || 0);
          // the router adds its Via header to the 101 as to any response
          const s = c.toString('latin1');
          const end = s.indexOf('\r\n');
          if (end > 0 && profile === PROFILES.heroku) c = Buffer.concat([Buffer.from(s.slice(0, end + 2) + 'Via: 1.1 vegur\r\n', 'latin1'), c.subarray(end + 2)]);
        }
        socket.write(c);
      });
      socket.on('data', (c) => upstream.write(c));
      const done = () => { socket.destroy(); upstream.destroy(); };
      upstream.on('close', () => { routerLine(req, fwd, i, status, bytes, started); done(); });
      socket.on('close', done);
      upstream.on('error', done);
      socket.on('error', done);
    });
    log(`UPGRADE ${req.url} -> instance ${i + 1}`);
  });
}
server.listen(PORT, '127.0.0.1', () => log(`${PROFILE} stand-in listening on http://127.0.0.1:${PORT}`));
