'use strict';
// Processes other than node and nginx for scenarios that record other server stacks and proxies
// (python-socketio, netty-socketio, Apache httpd, Caddy, HAProxy). Each one is tracked by the recorder, so
// it is stopped (by its process group) when the recording ends or fails.
//
//   const { spawnLogged, freePort, apache, caddy, haproxy, behindHaproxy, nettyClasspath } = require('../recorder/lib/processes');
const fs = require('fs');
const path = require('path');
const net = require('net');
const { spawn, execFileSync } = require('child_process');

const STACKS = path.join(__dirname, '..', '..', 'stacks');

// A port the OS picks on 127.0.0.1 (other recordings may run at the same time).
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// Starts `cmd args` in the scenario folder; stdout+stderr go to <log> in the folder (or are
// dropped when log is null).
function spawnLogged(rec, name, cmd, args, opts = {}) {
  const out = opts.log === null ? 'ignore' : fs.openSync(path.join(rec.dir, opts.log || `${name}.log`), opts.append ? 'a' : 'w');
  const env = Object.assign({}, process.env, { TZ: 'UTC' }, opts.env || {});
  const child = spawn(cmd, args, { cwd: opts.cwd || rec.dir, env, stdio: ['ignore', out, out], detached: true });
  if (typeof out === 'number') fs.closeSync(out);
  const h = rec._track(name, child);
  if (opts.stopSignal) h.stopSignal = opts.stopSignal;
  return h;
}

// Fills __DIR__ (scenario folder), __TMP__ (a fresh temp dir) and __NAME__ placeholders of a
// config template; returns the path of the filled copy.
function fillTemplate(rec, template, vars) {
  const tmp = rec.tmp('conf');
  let text = fs.readFileSync(path.join(rec.dir, template), 'utf8').replace(/__DIR__/g, rec.dir).replace(/__TMP__/g, tmp);
  for (const [k, v] of Object.entries(vars || {})) text = text.split(`__${k}__`).join(String(v));
  const out = path.join(tmp, path.basename(template));
  fs.writeFileSync(out, text);
  return { file: out, tmp };
}

// Debian's apache2 in the foreground with the scenario's own httpd.conf (no /etc/apache2).
async function apache(rec, template, vars, logs = ['access.log', 'error.log']) {
  for (const f of logs) fs.writeFileSync(path.join(rec.dir, f), '');
  const { file, tmp } = fillTemplate(rec, template, vars);
  const h = spawnLogged(rec, 'apache2', '/usr/sbin/apache2', ['-f', file, '-d', tmp, '-DFOREGROUND'], { log: null });
  await rec.waitPort(vars.PORT);
  return h;
}

// Caddy 2 with the scenario's Caddyfile.
async function caddy(rec, template, vars, logs = ['access.log']) {
  for (const f of logs) fs.writeFileSync(path.join(rec.dir, f), '');
  const { file, tmp } = fillTemplate(rec, template, vars);
  const h = spawnLogged(rec, 'caddy', '/usr/bin/caddy', ['run', '--config', file, '--adapter', 'caddyfile'],
    { log: null, env: { HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp } });
  await rec.waitPort(vars.PORT);
  return h;
}

// Fetches netty-socketio <version> and its dependencies from Maven Central into a scratch
// directory outside the repository and compiles stacks/netty-socketio/NettyServer.java there;
// returns the class path to run it with.
function nettyClasspath(version) {
  const out = execFileSync('bash', [path.join(STACKS, 'netty-socketio', 'build.sh'), version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop();
}

module.exports = { STACKS, freePort, spawnLogged, fillTemplate, apache, caddy, nettyClasspath };

// A private nginx with a config template taking __PORT__-style variables (rec.nginx takes fixed
// ports only).
async function nginxWith(rec, template, vars, logs = ['access.log', 'error.log']) {
  for (const f of logs) fs.writeFileSync(path.join(rec.dir, f), '');
  const { file, tmp } = fillTemplate(rec, template, vars);
  const h = spawnLogged(rec, 'nginx', process.env.NGINX || '/usr/sbin/nginx', ['-p', tmp, '-c', file], { log: null, cwd: tmp, stopSignal: 'SIGQUIT' });
  const pidFile = path.join(tmp, 'nginx.pid');
  const until = Date.now() + 10000;
  while (!fs.existsSync(pidFile)) {
    if (h.exited || Date.now() > until) throw new Error('nginx did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 100));
  return h;
}

module.exports.nginxWith = nginxWith;

// Starts stacks/netty-socketio/NettyServer (netty-socketio <version>) with slf4j-simple writing
// ISO-timestamped lines, netty-socketio's loggers at <level> (debug unless given; trace adds
// EncoderHandler's "Out message: <packet> sessionId: <uuid>" for every packet sent), to <log>.
function nettyServer(rec, name, version, env, log, level = 'debug') {
  const cp = nettyClasspath(version);
  return spawnLogged(rec, name, 'java', [
    '-Dorg.slf4j.simpleLogger.logFile=System.out',
    '-Dorg.slf4j.simpleLogger.showDateTime=true',
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
    `-Dorg.slf4j.simpleLogger.log.com.corundumstudio=${level}`,
    '-cp', cp, 'NettyServer'], { env, log });
}

module.exports.nettyServer = nettyServer;

// Debian's HAProxy in the foreground (-db) with the scenario's config template; the config logs to
// stdout (`log stdout format raw`), which goes to <log> in the folder. Not probed by connecting (a
// probe would be logged as a request): given a moment to bind, and a config error fails here.
async function haproxy(rec, template, vars, log = 'haproxy.log') {
  const { file, tmp } = fillTemplate(rec, template, vars);
  const h = spawnLogged(rec, 'haproxy', process.env.HAPROXY || '/usr/sbin/haproxy', ['-db', '-f', file], { cwd: tmp, log });
  await new Promise((r) => setTimeout(r, 700));
  if (h.exited) throw new Error(`haproxy exited (${h.code}); see ${log}`);
  return h;
}

module.exports.haproxy = haproxy;

// A scenario's socket.io server (`server`, listening on PORT) behind a private HAProxy (`cfg`, a
// template with __LB__ and __APP__), both on ports the OS picks; resolves to HAProxy's port.
async function behindHaproxy(rec, { server, cfg, env = {}, log = 'server.log' }) {
  const app = await freePort();
  const lb = await freePort();
  rec.node('server', server, { env: Object.assign({ PORT: String(app) }, env), log });
  await rec.waitPort(app);
  await haproxy(rec, cfg, { LB: lb, APP: app });
  return lb;
}

module.exports.behindHaproxy = behindHaproxy;

// Waits (up to `tries` × 50 ms) until the scenario's log file <file> contains <text>: the moment a
// process under test reached a given step (the load clients asking for the blocking report, say).
async function waitForText(rec, file, text, tries = 200) {
  const p = path.join(rec.dir, file);
  for (let i = 0; i < tries && !(fs.existsSync(p) && fs.readFileSync(p, 'utf8').includes(text)); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

module.exports.waitForText = waitForText;
