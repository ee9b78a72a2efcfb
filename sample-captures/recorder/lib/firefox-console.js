'use strict';
// Collects a Firefox page's console through WebDriver BiDi (Firefox's remote agent, started with
// `--remote-debugging-port`): `log.entryAdded` carries both the page's console API calls and the
// messages Firefox itself reports to the page's console (CSP, mixed content, CORS, WebSocket
// failures: nsIScriptError, `type: "javascript"`). Rendered like the Web Console's "Export
// visible messages to > File": one message per line, the text, then a space and the source
// location `file:line:column` (1-based; BiDi's are 0-based), as devtools'
// browser_webconsole_context_menu_export_console_output.js expects ("hello test.js:4:9").
const fs = require('fs');
const WebSocket = require('ws');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits for Firefox to print `WebDriver BiDi listening on ws://...` into `outFile`; resolves to that URL. */
async function bidiUrl(outFile, timeout = 20000) {
  const until = Date.now() + timeout;
  for (;;) {
    const text = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
    const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(text);
    if (m) return m[1];
    if (Date.now() > until) throw new Error('Firefox did not start its WebDriver BiDi server: ' + text.slice(-500));
    await sleep(100);
  }
}

class FirefoxConsole {
  constructor(log) {
    this.log = log;
    this.entries = [];
    this.pending = new Map();
    this.nextId = 1;
  }

  /** Connects, opens a session (acceptInsecureCerts as asked) and subscribes to log.entryAdded. */
  async start(url, { acceptInsecureCerts = false } = {}) {
    this.ws = new WebSocket(url.replace(/\/?$/, '') + '/session');
    await new Promise((resolve, reject) => { this.ws.once('open', resolve); this.ws.once('error', reject); });
    this.ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type === 'event' && msg.method === 'log.entryAdded') this.entries.push(msg.params);
      else if (msg.id && this.pending.has(msg.id)) {
        const { resolve, reject } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.type === 'error') reject(new Error(`${msg.error}: ${msg.message}`)); else resolve(msg.result);
      }
    });
    const s = await this.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts } } });
    this.log(`BiDi session ${s.capabilities.browserName} ${s.capabilities.browserVersion} acceptInsecureCerts=${s.capabilities.acceptInsecureCerts}`);
    await this.send('session.subscribe', { events: ['log.entryAdded'] });
  }

  /** Installs the unpacked add-on folder `dir` as a temporary add-on (BiDi webExtension.install). */
  installExtension(dir) {
    return this.send('webExtension.install', { extensionData: { type: 'path', path: dir } });
  }

  send(method, params) {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  async stop() {
    if (!this.ws) return;
    await Promise.race([this.send('session.end', {}).catch(() => {}), sleep(2000)]);
    this.ws.terminate();
  }

  /** The Web Console export's text; `keep(entry)` chooses entries (default: all). */
  render(keep = () => true) {
    const lines = [];
    for (const e of this.entries.filter(keep)) {
      let text = e.text;
      if (text == null && Array.isArray(e.args)) text = e.args.map(arg).join(' ');
      text = String(text || '').replace(/\r?\n/g, ' ');
      const f = e.stackTrace && e.stackTrace.callFrames && e.stackTrace.callFrames[0];
      const loc = f && f.url ? `${shortName(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
      lines.push(loc ? `${text} ${loc}` : text);
    }
    return lines.join('\n') + (lines.length ? '\n' : '');
  }
}

/**
 * The Web Console's short name of a script URL (devtools/client/shared/source-utils.js
 * getSourceNames): the last segment of the path, "/" for the root, the segment before a trailing
 * slash.
 */
function shortName(url) {
  let u;
  try { u = new URL(url); } catch (e) { return url.slice(0, 100); }
  const file = (p) => p.slice(p.lastIndexOf('/') + 1) || '/';
  let short = file(u.pathname);
  if (short === '/' && u.pathname !== '/') short = file(u.pathname.replace(/\/$/, ''));
  return short;
}

function arg(a) {
  if (a == null) return '';
  if (a.type === 'string') return a.value;
  if ('value' in a && typeof a.value !== 'object') return String(a.value);
  return a.type;
}

module.exports = { FirefoxConsole, bidiUrl };
