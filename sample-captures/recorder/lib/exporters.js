'use strict';
// Records a page through HAR exporters other than the recorder's own DevTools-shaped one
// (lib/har.js), so that sio-doctor sees what those tools really write:
//   playwright(rec, {url, har, content})   playwright-core recordHar, content 'embed' | 'omit'
//   mitmproxy(rec, {url, har})             Debian mitmproxy 8.1 + contrib/har_dump.py, Chromium proxied
//   firefox(rec, {url, har, console})      Firefox ESR's Network Monitor HAR auto-export, headless;
//                                          with `console`, the page's console through WebDriver BiDi
// and helpers for the shared chat server (servers/chat-v4.js) and page (pages/chat-v4.html).
// Everything binds 127.0.0.1 on ports chosen by the OS; every process started is tracked by the
// Recorder (lib/recorder.js) and stopped at the end.
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');
const { startPageServer } = require('./page-server');
const { FirefoxConsole, bidiUrl } = require('./firefox-console');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const MITMDUMP = process.env.MITMDUMP || '/usr/bin/mitmdump';
const HAR_DUMP = process.env.HAR_DUMP || '/usr/share/doc/mitmproxy/examples/contrib/har_dump.py';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SERVERS = path.join(__dirname, '..', 'servers');
const PAGES = path.join(__dirname, '..', 'pages');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A port the OS just handed out on 127.0.0.1 (closed again before use). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Starts servers/chat-v4.js with the given environment; resolves to its port once it listens. */
async function chatServer(rec, env = {}, log = 'server.log') {
  const port = await freePort();
  rec.node('server', path.join(SERVERS, 'chat-v4.js'), { env: Object.assign({ PORT: String(port) }, env), log });
  await rec.waitPort(port);
  return port;
}

/** Serves pages/chat-v4.html (and the client bundles) from another origin. */
async function chatPage(rec) {
  const port = await freePort();
  const s = await startPageServer(PAGES, port, { index: 'chat-v4.html' });
  rec.servers.push(s);
  return port;
}

async function launchChromium(rec, args = []) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROME_FLAGS.concat(args),
    env: Object.assign({}, process.env, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }),
  });
  rec.contexts.push(browser); // Recorder.cleanup() closes it if the scenario fails half-way
  return browser;
}

async function closeBrowser(rec, browser) {
  await browser.close().catch(() => {});
  rec.contexts = rec.contexts.filter((c) => c !== browser);
}

/**
 * Playwright's own HAR recorder: `browser.newContext({recordHar: {path, content, mode: 'full'}})`;
 * the file is written when the context closes.
 */
async function playwright(rec, { url, har = 'capture.har', content = 'embed', duration = 8000 }) {
  const browser = await launchChromium(rec);
  const context = await browser.newContext({ recordHar: { path: path.join(rec.dir, har), content, mode: 'full' } });
  const page = await context.newPage();
  rec.log(`playwright recordHar content=${content}: open ${url}`);
  await page.goto(url, { waitUntil: 'commit', timeout: 15000 }).catch((e) => rec.log('goto:', e.message.split('\n')[0]));
  await sleep(duration);
  await context.close();
  await closeBrowser(rec, browser);
  rec.log(`wrote ${har}`);
}

/**
 * mitmdump with mitmproxy's contrib har_dump.py as shipped by Debian, and Chromium using it as its
 * HTTP proxy. `<-loopback>` removes Chromium's implicit proxy bypass for 127.0.0.1. har_dump.py
 * writes the HAR in its `done` hook, i.e. when mitmdump shuts down (SIGINT).
 */
async function mitmproxy(rec, { url, har = 'capture.har', duration = 8000, log = 'mitmdump.log' }) {
  const port = await freePort();
  const confdir = rec.tmp('mitm');
  const out = fs.openSync(path.join(rec.dir, log), 'w');
  const child = spawn(MITMDUMP, ['--listen-host', '127.0.0.1', '--listen-port', String(port),
    '--set', `confdir=${confdir}`, '-s', HAR_DUMP, '--set', `hardump=${path.join(rec.dir, har)}`,
    '--set', 'termlog_verbosity=info', '--set', 'flow_detail=1'],
  { cwd: rec.dir, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  const h = rec._track('mitmdump', child);
  h.stopSignal = 'SIGINT';
  await rec.waitPort(port, 20000);
  const browser = await launchChromium(rec, [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>']);
  const page = await (await browser.newContext()).newPage();
  rec.log(`chromium via mitmproxy :${port}: open ${url}`);
  await page.goto(url, { waitUntil: 'commit', timeout: 15000 }).catch((e) => rec.log('goto:', e.message.split('\n')[0]));
  await sleep(duration);
  await closeBrowser(rec, browser);
  await sleep(300);
  await h.stop('SIGINT', 10000);
  rec.log(`mitmdump exited (${h.code}/${h.signal}); ${fs.existsSync(path.join(rec.dir, har)) ? 'wrote ' + har : 'NO HAR'}`);
}

/**
 * Firefox ESR, headless, with the Network Monitor open (-devtools) and its HAR auto-export on.
 * Firefox names the file itself (`<defaultFileName>.har` in `defaultLogDir`) once the page has loaded
 * and the network was quiet for `pageLoadedTimeout` ms; it is moved to `har` afterwards. Requests
 * made after that export are in no file (Firefox exports once per page load). `duration` counts
 * from Firefox's start and includes the 4 s on the start page.
 */
async function firefox(rec, { url, har = 'capture.har', duration = 14000, pageLoadedTimeout = 1500,
  console: consoleFile = null, acceptInsecureCerts = false, prefs: extraPrefs = {}, startOrigin = null }) {
  const profile = rec.tmp('ff-profile');
  const outDir = rec.tmp('ff-har');
  const prefs = {
    'devtools.netmonitor.har.enableAutoExportToFile': true,
    'devtools.netmonitor.har.defaultLogDir': outDir,
    'devtools.netmonitor.har.includeResponseBodies': true,
    'devtools.netmonitor.har.defaultFileName': 'capture',
    'devtools.netmonitor.har.pageLoadedTimeout': pageLoadedTimeout,
    'devtools.netmonitor.har.forceExport': false,
    'devtools.toolbox.selectedTool': 'netmonitor',
    'devtools.netmonitor.persistlog': false,
    // an offline machine: no first-run pages, updates, telemetry or connectivity probes
    'browser.shell.checkDefaultBrowser': false, 'browser.aboutwelcome.enabled': false,
    'startup.homepage_welcome_url': '', 'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.auto': false, 'app.update.enabled': false, 'extensions.update.enabled': false,
    'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
    'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false, 'network.dns.disablePrefetch': true,
    'network.prefetch-next': false, 'browser.newtabpage.enabled': false,
  };
  if (consoleFile) {
    // the remote agent (WebDriver BiDi) only reads the console: leave the user's prefs as they are
    prefs['remote.prefs.recommended'] = false;
  }
  Object.assign(prefs, extraPrefs);
  fs.writeFileSync(path.join(profile, 'user.js'),
    Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n');
  const outFile = path.join(rec.tmp('ff-out'), 'firefox.txt');
  const out = fs.openSync(outFile, 'w');
  // the toolbox attaches after the first page has loaded, and HAR collection starts at the next
  // navigation: open pages/go.html (same origin) first, which navigates to `url` after 4 s
  // (`startOrigin`: serve it from another origin, e.g. plain http when the page's own certificate is
  // accepted only once the BiDi session runs)
  const start = new URL('/go.html', startOrigin || url);
  start.searchParams.set('ms', '4000');
  start.searchParams.set('to', url);
  const args = ['--headless', '--no-remote', '--profile', profile];
  if (consoleFile) args.push('--remote-debugging-port=0');
  const child = spawn(FIREFOX, args.concat(['-devtools', start.href]),
    { cwd: profile, stdio: ['ignore', out, out], detached: true, env: Object.assign({}, process.env, { MOZ_HEADLESS: '1' }) });
  fs.closeSync(out);
  const h = rec._track('firefox', child);
  rec.log(`firefox-esr -devtools: open ${url}`);
  const t0 = Date.now();
  let cons = null;
  if (consoleFile) {
    // subscribed within go.html's 4 s, before the page under test loads
    cons = new FirefoxConsole((...a) => rec.log(...a));
    await cons.start(await bidiUrl(outFile), { acceptInsecureCerts });
  }
  await sleep(duration - (Date.now() - t0));
  if (cons) {
    await cons.stop();
    fs.writeFileSync(path.join(rec.dir, consoleFile), cons.render());
    rec.log(`wrote ${consoleFile}: ${cons.entries.length} messages`);
  }
  await h.stop('SIGTERM', 5000);
  const files = fs.readdirSync(outDir).filter((f) => f.endsWith('.har')).sort();
  rec.log(`firefox wrote ${JSON.stringify(files)}`);
  if (!files.length) throw new Error('Firefox wrote no HAR');
  fs.copyFileSync(path.join(outDir, files[files.length - 1]), path.join(rec.dir, har));
  return files;
}

/**
 * Stand-in for Chrome DevTools' sanitized export: the recorder's own DevTools-shaped HAR (lib/har.js),
 * exported with everything kept (`full`), then passed through chrome-sanitize.js (`har`).
 */
async function chromeSanitized(rec, { url, har = 'capture.har', full = 'capture-unsanitized.har', duration = 8000 }) {
  const { sanitize } = require('../chrome-sanitize');
  await rec.record({ withSensitiveData: true, pages: [{ url, har: full, console: 'console.log' }], duration });
  const data = JSON.parse(fs.readFileSync(path.join(rec.dir, full), 'utf8'));
  fs.writeFileSync(path.join(rec.dir, har), JSON.stringify(sanitize(data), null, 2) + '\n');
  rec.log(`wrote ${har} (sanitized copy of ${full})`);
}

module.exports = { chromeSanitized, freePort, chatServer, chatPage, playwright, mitmproxy, firefox, sleep, launchChromium, closeBrowser };
