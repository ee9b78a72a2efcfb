'use strict';
// A tiny TCP proxy (loopback only) that can break connections on purpose:
//   node tcp-proxy.js --listen 47163 --target 47164 [--drop-at 3000] [--lifetime 7000]
//     --drop-at MS    reset every open connection once, MS after the proxy started
//                     (a network interruption: Wi-Fi switch, VPN reconnect, laptop sleep);
//                     SIGUSR1 does the same at any moment
//     --lifetime MS   reset every connection MS after it was opened (a middlebox with a
//                     fixed maximum connection duration)
// Each event is logged as "<ISO time> tcp-proxy <message>" on stdout.
const net = require('net');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const LISTEN = Number(args.listen);
const TARGET = Number(args.target);
const DROP_AT = args['drop-at'] !== undefined ? Number(args['drop-at']) : null;
const LIFETIME = args.lifetime !== undefined ? Number(args.lifetime) : null;
const log = (s) => console.log(`${new Date().toISOString()} tcp-proxy ${s}`);

let n = 0;
const open = new Set();
const server = net.createServer((client) => {
  const id = ++n;
  const started = Date.now();
  const upstream = net.connect(TARGET, '127.0.0.1');
  const conn = { id, client, upstream, started, timer: null };
  open.add(conn);
  log(`#${id} open ${client.remotePort} -> ${TARGET}`);
  client.pipe(upstream);
  upstream.pipe(client);
  const close = (why) => {
    if (!open.has(conn)) return;
    open.delete(conn);
    if (conn.timer) clearTimeout(conn.timer);
    log(`#${id} closed (${why}) after ${Date.now() - started} ms`);
  };
  client.on('error', () => {});
  upstream.on('error', () => {});
  client.on('close', () => { upstream.destroy(); close('client'); });
  upstream.on('close', () => { client.destroy(); close('upstream'); });
  if (LIFETIME) {
    conn.timer = setTimeout(() => {
      log(`#${id} lifetime ${LIFETIME} ms reached, resetting`);
      reset(conn);
    }, LIFETIME);
  }
});

function reset(conn) {
  conn.client.resetAndDestroy();
  conn.upstream.resetAndDestroy();
}

server.listen(LISTEN, '127.0.0.1', () => log(`listening on 127.0.0.1:${LISTEN} -> 127.0.0.1:${TARGET}`));

function dropAll() {
  log(`network drop: resetting ${open.size} open connection(s)`);
  for (const conn of [...open]) reset(conn);
}
if (DROP_AT !== null) setTimeout(dropAll, DROP_AT);
process.on('SIGUSR1', dropAll); // the recorder can trigger the drop at a chosen moment
