'use strict';
// Scenario runtime: starts server processes (node with DEBUG=engine*,socket.io*, nginx),
// drives headless Chromium through playwright-core, records HAR + console from CDP,
// and cleans every process it started up again.
//
//   node recorder/lib/recorder.js <scenario-folder>
// loads <scenario-folder>/scenario.js, which exports `async (rec) => { ... }` and uses:
//   rec.node(name, script, {env, args, log, append, debug})  child process, output -> log file
//   rec.nginx(conf)                                           private nginx (daemon off)
//   rec.pageServer(port, {https})                             static page + client bundles
//   rec.waitPort(port) / rec.sleep(ms)
//   rec.record({url | pages, duration | run, args, withSensitiveData})  headless Chromium -> HAR + console
//                                                             (withSensitiveData keeps Cookie/Set-Cookie)
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { spawn } = require('child_process');
const { HarRecorder } = require('./har');
const { ConsoleRecorder } = require('./console');
const { startPageServer } = require('./page-server');

const RECORDER_DIR = path.join(__dirname, '..');
const NODE_MODULES = path.join(RECORDER_DIR, 'node_modules');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Recorder {
  constructor(dir) {
    this.dir = path.resolve(dir);
    this.children = [];
    this.servers = [];
    this.tmpDirs = [];
    this.contexts = [];
    this.sleep = sleep;
    this.t0 = Date.now();
  }

  log(...a) { process.stderr.write(`[rec +${((Date.now() - this.t0) / 1000).toFixed(1)}s] ${a.join(' ')}\n`); }

  tmp(prefix) {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sio-rec-' + prefix + '-'));
    this.tmpDirs.push(d);
    return d;
  }

  // Start `node <script>` from the scenario folder; stdout+stderr go to <log> (no TTY, so
  // the debug module prefixes every line with an ISO timestamp).
  node(name, script, opts = {}) {
    const logFile = path.join(this.dir, opts.log || `${name}.log`);
    const fd = fs.openSync(logFile, opts.append ? 'a' : 'w');
    const env = Object.assign({}, process.env, {
      DEBUG: opts.debug !== undefined ? opts.debug : 'engine*,socket.io*',
      NODE_PATH: NODE_MODULES,
    }, opts.env || {});
    delete env.DEBUG_COLORS;
    const child = spawn(process.execPath, [script, ...(opts.args || [])], { cwd: this.dir, env, stdio: ['ignore', fd, fd], detached: true });
    fs.closeSync(fd);
    return this._track(name, child);
  }

  // Start a private nginx with the scenario's nginx.conf. Placeholders: __DIR__ (scenario
  // folder, where access.log / error.log go), __TMP__ (pid + temp paths, a fresh temp dir) and
  // __RECORDER__ (this recorder folder, for the socket.io-client bundles in node_modules).
  async nginx(conf = 'nginx.conf', opts = {}) {
    const tmp = this.tmp('nginx');
    const text = fs.readFileSync(path.join(this.dir, conf), 'utf8').replace(/__DIR__/g, this.dir).replace(/__TMP__/g, tmp).replace(/__RECORDER__/g, RECORDER_DIR);
    fs.writeFileSync(path.join(tmp, 'nginx.conf'), text);
    for (const f of opts.truncate || ['access.log', 'error.log']) fs.writeFileSync(path.join(this.dir, f), '');
    const out = fs.openSync(path.join(tmp, 'stderr.txt'), 'w');
    const child = spawn(NGINX, ['-p', tmp, '-c', path.join(tmp, 'nginx.conf')], { cwd: tmp, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    const h = this._track('nginx', child);
    h.stopSignal = 'SIGQUIT';
    // wait for the pid file (written after the listen sockets are open); probing the port
    // would leave a "client closed connection while waiting for request" line in error.log
    const pidFile = path.join(tmp, 'nginx.pid');
    const until = Date.now() + 10000;
    while (!fs.existsSync(pidFile)) {
      if (h.exited || Date.now() > until) throw new Error('nginx did not start: ' + fs.readFileSync(path.join(tmp, 'stderr.txt'), 'utf8'));
      await sleep(50);
    }
    await sleep(100);
    return h;
  }

  _track(name, child) {
    const h = { name, child, pid: child.pid, exited: false, stopSignal: 'SIGTERM' };
    h.exit = new Promise((resolve) => child.on('exit', (code, sig) => { h.exited = true; h.code = code; h.signal = sig; resolve(); }));
    h.stop = async (signal, timeout = 3000) => {
      if (h.exited) return;
      try { process.kill(-child.pid, signal || h.stopSignal); } catch (e) { /* gone */ }
      const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch (e) { /* gone */ } }, timeout);
      await h.exit;
      clearTimeout(t);
    };
    this.children.push(h);
    this.log(`started ${name} pid ${child.pid}`);
    return h;
  }

  async pageServer(port, opts = {}) {
    const s = await startPageServer(this.dir, port, opts);
    this.servers.push(s);
    return s;
  }

  async waitPort(port, timeout = 10000, host = '127.0.0.1') {
    const until = Date.now() + timeout;
    for (;;) {
      const ok = await new Promise((resolve) => {
        const s = net.connect(port, host);
        s.once('connect', () => { s.destroy(); resolve(true); });
        s.once('error', () => resolve(false));
      });
      if (ok) return;
      if (Date.now() > until) throw new Error(`port ${port} did not open`);
      await sleep(100);
    }
  }

  // Record one or more pages in one headless Chromium.
  //   pages: [{url, har: 'capture.har', console: 'console.log'}]  (har/console null = not saved)
  //   run:   async (ctx) => {...} runs while recording; default waits `duration` ms
  //   ignoreDefaultArgs: Playwright default switches to leave out (['--disable-extensions'] to
  //          load an extension with --load-extension)
  async record(opts) {
    const userDataDir = this.tmp('chrome');
    const { chromium } = require('playwright-core');
    const args = CHROME_FLAGS.concat(opts.args || []);
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args, viewport: { width: 1024, height: 600 },
      ignoreDefaultArgs: opts.ignoreDefaultArgs,
      env: Object.assign({}, process.env, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }),
    });
    this.contexts.push(context);
    const specs = opts.pages || [{ url: opts.url, har: opts.har || 'capture.har', console: opts.console || 'console.log' }];
    const recs = [];
    for (let i = 0; i < specs.length; i++) {
      const page = i === 0 && context.pages().length ? context.pages()[0] : await context.newPage();
      const cdp = await context.newCDPSession(page);
      const { userAgent } = await cdp.send('Browser.getVersion');
      const har = new HarRecorder(cdp, { userAgent, withSensitiveData: !!opts.withSensitiveData });
      const cons = new ConsoleRecorder(cdp, har);
      await har.start();
      await cons.start();
      recs.push({ spec: specs[i], page, cdp, har, cons });
    }
    const ctx = { context, pages: recs.map((r) => r.page), recs, sleep, rec: this };
    for (const r of recs) {
      if (r.spec.delay) await sleep(r.spec.delay);
      if (!r.spec.url) continue;
      this.log(`open ${r.spec.url}`);
      await r.page.goto(r.spec.url, { waitUntil: 'commit', timeout: 15000 }).catch((e) => this.log('goto:', e.message.split('\n')[0]));
    }
    if (opts.run) await opts.run(ctx);
    else await sleep(opts.duration || 8000);
    for (const r of recs) {
      await r.har.stop();
      r.cons.stop();
      if (r.spec.har) {
        const har = r.har.buildHar();
        fs.writeFileSync(path.join(this.dir, r.spec.har), JSON.stringify(har, null, 2) + '\n');
        this.log(`wrote ${r.spec.har}: ${har.log.entries.length} entries`);
      }
      if (r.spec.console) fs.writeFileSync(path.join(this.dir, r.spec.console), r.cons.render());
    }
    await context.close().catch(() => {});
    this.contexts = this.contexts.filter((c) => c !== context);
    await sleep(opts.afterClose !== undefined ? opts.afterClose : 500);
    return ctx;
  }

  async cleanup() {
    for (const c of this.contexts) await c.close().catch(() => {});
    for (const h of this.children.slice().reverse()) await h.stop();
    for (const s of this.servers) { s.closeAllConnections && s.closeAllConnections(); s.close(); }
    for (const d of this.tmpDirs) fs.rmSync(d, { recursive: true, force: true });
  }
}

async function main() {
  const dir = path.resolve(process.argv[2] || '.');
  const scenario = require(path.join(dir, 'scenario.js'));
  const rec = new Recorder(dir);
  let failed = false;
  const bail = async (sig) => { rec.log(`got ${sig}, cleaning up`); await rec.cleanup(); process.exit(130); };
  process.on('SIGINT', () => bail('SIGINT'));
  process.on('SIGTERM', () => bail('SIGTERM'));
  // last resort if the recorder dies unexpectedly: kill what it started (by process group id)
  process.on('exit', () => {
    for (const h of rec.children) if (!h.exited) { try { process.kill(-h.pid, 'SIGKILL'); } catch (e) { /* gone */ } }
    for (const d of rec.tmpDirs) { try { fs.rmSync(d, { recursive: true, force: true }); } catch (e) { /* ignore */ } }
  });
  try {
    await scenario(rec);
  } catch (e) {
    failed = true;
    console.error(e);
  } finally {
    await rec.cleanup();
  }
  rec.log(failed ? 'FAILED' : 'done');
  process.exit(failed ? 1 : 0);
}

module.exports = { Recorder, sleep };
if (require.main === module) main();
