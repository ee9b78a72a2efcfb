'use strict';
// Collects the page console (Log.entryAdded, Runtime.consoleAPICalled,
// Runtime.exceptionThrown) and writes it like Chrome DevTools' console "Save as...":
// one message per line, "<source-file>:<line> <text>", network messages rendered as
// "GET <url> <net::ERR_...|status (statusText)>" the way ConsoleViewMessage.formatAsNetworkRequest does.

class ConsoleRecorder {
  constructor(cdp, har) {
    this.cdp = cdp;
    this.har = har;            // HarRecorder, to render network messages with method/status
    this.messages = [];
    this.stopped = false;
  }

  async start() {
    const c = this.cdp;
    c.on('Log.entryAdded', (p) => { if (!this.stopped) this.messages.push({ kind: 'log', p: p.entry, at: p.entry.timestamp }); });
    c.on('Runtime.consoleAPICalled', (p) => { if (!this.stopped) this.messages.push({ kind: 'api', p, at: p.timestamp }); });
    c.on('Runtime.exceptionThrown', (p) => { if (!this.stopped) this.messages.push({ kind: 'exc', p: p.exceptionDetails, at: p.timestamp }); });
    await c.send('Runtime.enable');
    await c.send('Log.enable');
  }

  stop() { this.stopped = true; }

  render() {
    const lines = [];
    for (const m of this.messages) {
      let loc = '';
      let text = '';
      if (m.kind === 'log') {
        const e = m.p;
        loc = location(e.stackTrace, e.url, e.lineNumber);
        text = e.text;
        if (e.source === 'network' && e.networkRequestId && this.har) {
          const r = this.har.requests.get(e.networkRequestId);
          if (r && r.kind === 'http') {
            text = `${r.method} ${r.url}`;
            if (r.failed) text += ' ' + (r.error || '');
            if (r.status) text += ' ' + r.status;
            if (r.statusText) text += ` (${r.statusText})`;
            // DevTools links a network message to the code that started the request
            loc = (e.stackTrace && location(e.stackTrace)) || initiatorLocation(r.initiator) || loc;
          }
        }
      } else if (m.kind === 'api') {
        const p = m.p;
        loc = location(p.stackTrace);
        text = p.args.map(formatArg).join(' ');
        if (p.type === 'assert') text = 'Assertion failed: ' + text;
      } else {
        const d = m.p;
        loc = location(d.stackTrace, d.url, d.lineNumber);
        const desc = d.exception && (d.exception.description || (d.exception.value !== undefined ? String(d.exception.value) : ''));
        text = desc ? `Uncaught ${firstLine(desc)}` : d.text;
      }
      text = String(text).replace(/\r?\n/g, ' ');
      lines.push(loc ? `${loc} ${text}` : text);
    }
    return lines.join('\n') + (lines.length ? '\n' : '');
  }
}

// Name of a script in a console link: last path component, "(index)" for the document itself.
function displayName(url) {
  if (!url) return '';
  const u = url.split('#')[0].split('?')[0];
  if (u.endsWith('/')) return '(index)';
  const i = u.lastIndexOf('/');
  return i >= 0 ? u.substring(i + 1) : u;
}

// Name of a bare URL (message without a script frame), like DevTools' displayNameForURL:
// last path component, or "host/" for a URL whose path ends with "/".
function urlDisplayName(url) {
  try {
    const u = new URL(url);
    if (u.pathname.endsWith('/')) {
      const parts = u.pathname.split('/').filter(Boolean);
      return (parts.length ? parts[parts.length - 1] : u.hostname) + '/';
    }
    return u.pathname.substring(u.pathname.lastIndexOf('/') + 1);
  } catch (e) { return displayName(url); }
}

function location(stackTrace, url, lineNumber) {
  if (stackTrace && stackTrace.callFrames && stackTrace.callFrames.length) {
    const f = stackTrace.callFrames[0];
    if (f.url) return `${displayName(f.url)}:${f.lineNumber + 1}`;
  }
  if (url) return `${urlDisplayName(url)}:${(lineNumber || 0) + 1}`;
  return '';
}

function initiatorLocation(init) {
  if (!init) return '';
  if (init.stack && init.stack.callFrames && init.stack.callFrames.length) return location(init.stack);
  if (init.url) return location(null, init.url, init.lineNumber);
  return '';
}

function firstLine(s) { return String(s).split('\n')[0]; }

function formatArg(a) {
  if (!a) return '';
  if (a.type === 'string') return a.value;
  if (a.type === 'undefined') return 'undefined';
  if (a.unserializableValue) return a.unserializableValue;
  if (a.type === 'number' || a.type === 'boolean') return String(a.value);
  if (a.subtype === 'null') return 'null';
  if (a.subtype === 'error') return firstLine(a.description || 'Error');
  if (a.preview) return formatPreview(a.preview);
  if (a.value !== undefined) return JSON.stringify(a.value);
  return a.description || a.type;
}

function formatPreview(p) {
  const val = (pp) => (pp.type === 'string' ? `'${pp.value}'` : (pp.value !== undefined ? pp.value : pp.type));
  if (p.subtype === 'array') return `[${p.properties.map(val).join(', ')}${p.overflow ? ', …' : ''}]`;
  const body = p.properties.map((pp) => `${pp.name}: ${val(pp)}`).join(', ');
  const prefix = p.description && p.description !== 'Object' ? p.description + ' ' : '';
  return `${prefix}{${body}${p.overflow ? ', …' : ''}}`;
}

module.exports = { ConsoleRecorder };
