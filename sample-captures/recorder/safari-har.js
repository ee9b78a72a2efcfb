#!/usr/bin/env node
'use strict';
// Stand-in for Safari's Web Inspector HAR ("Export" in the Network tab, macOS and iOS): rewrites a
// real Chromium recording into what WebKit's exporter writes for the same traffic. Safari cannot run
// here; every rule below is taken from WebKit's source, quoted in ../EXPORTERS.md ("Safari"):
//   Source/WebInspectorUI/UserInterface/Controllers/HARBuilder.js (WebKit/WebKit acd61b21ba655dc64ca18ee8f296c1335cc9c033)
//   Source/WebInspectorUI/UserInterface/Views/NetworkTableContentView.js, _HARResources()
//   Source/WebInspectorUI/UserInterface/Models/Resource.js (00778f1e2b1220d7192d0717ca64cc2ea198b987), markAsFailed
//   Source/WebInspectorUI/UserInterface/Controllers/NetworkManager.js, webSocketHandshakeResponseReceived / webSocketClosed
// - only resources marked finished are exported: a failed load (refused, reset, CORS, aborted) is
//   marked failed, never finished, so it is left out, and so is a request still waiting;
//   a WebSocket is finished at its handshake answer (or at its close when it got none);
// - creator "WebKit Web Inspector", one page "page_0" titled with the page's URL, no `browser`;
// - entries: pageref, startedDateTime (toISOString), time, timings (blocked/dns/connect/ssl -1 when
//   unknown, send/wait/receive 0), serverIPAddress + _serverPort, connection (1, 2, ...),
//   _fetchType, _priority ("low"/"medium"/"high"); no _initiator, _resourceType, _webSocketMessages;
// - response: status (0 when none), headers from a dictionary (a repeated name, e.g. two
//   Set-Cookie, written once with its values joined by ", "), content.text only when non-empty,
//   mimeType "x-unknown" when none, _transferSize; _error only from failureReasonText, which a
//   finished resource never has;
// - a WebSocket: time = its handshake, content without text, httpVersion "" (no metrics).
// The analyzer's test rewrite (analyzer/src/test/java/io/siodoctor/analyzer/SafariHar.java) applies the same rules.
//
//   node safari-har.js <chromium.har> <safari.har>
const fs = require('fs');

const SCHEMES = new Set(['http', 'https', 'ws', 'wss']);

function isWebSocket(entry) {
  const url = (entry.request.url || '').toLowerCase();
  return url.startsWith('ws:') || url.startsWith('wss:') || entry._resourceType === 'websocket' || entry.response.status === 101;
}

function finished(entry) {
  const url = entry.request.url || '';
  const scheme = url.includes(':') ? url.slice(0, url.indexOf(':')).toLowerCase() : '';
  if (!SCHEMES.has(scheme) || !entry.startedDateTime) return false;
  if (isWebSocket(entry)) return true;
  const res = entry.response;
  const error = (typeof res._error === 'string' && res._error !== '') || typeof res._failureText === 'string';
  return res.status > 0 && !error;
}

function headers(list) {
  const byName = new Map();
  for (const { name, value } of list || []) {
    const key = name.toLowerCase();
    if (byName.has(key)) byName.get(key).value += ', ' + value;
    else byName.set(key, { name, value });
  }
  return [...byName.values()];
}

function httpVersion(v) {
  const l = (v || '').toLowerCase();
  if (l === 'h2' || l === 'http/2' || l === 'http/2.0') return 'HTTP/2';
  return l === 'http/1.1' || l === 'http/1.0' ? l.toUpperCase() : '';
}

function port(url) {
  try {
    const u = new URL(url);
    return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : u.protocol === 'http:' ? 80 : undefined;
  } catch { return undefined; }
}

function entry(chrome, connections) {
  const ws = isWebSocket(chrome);
  const t = chrome.timings || {};
  const timings = {};
  for (const p of ['blocked', 'dns', 'connect', 'ssl']) timings[p] = t[p] >= 0 ? t[p] : -1;
  for (const p of ['send', 'wait', 'receive']) timings[p] = Math.max(0, t[p] || 0);
  let time = Math.max(0, chrome.time || 0);
  if (ws) {
    timings.receive = 0;
    time = ['blocked', 'dns', 'connect', 'send', 'wait'].reduce((s, p) => s + Math.max(0, timings[p]), 0);
  }
  const req = chrome.request;
  const res = chrome.response;
  const reqHeaders = headers(req.headers);
  const cookieHeader = reqHeaders.find(h => h.name.toLowerCase() === 'cookie');
  const request = {
    method: ws ? 'GET' : req.method || '',
    url: ws && /^http/i.test(req.url) ? 'ws' + req.url.slice(4) : req.url || '',
    httpVersion: ws ? '' : httpVersion(req.httpVersion),
    cookies: cookieHeader ? cookieHeader.value.split(';').map(p => p.trim()).filter(p => p.indexOf('=') > 0)
      .map(p => ({ name: p.slice(0, p.indexOf('=')), value: p.slice(p.indexOf('=') + 1) })) : [],
    headers: reqHeaders,
    queryString: req.queryString || [],
    headersSize: req.headersSize ?? -1,
    bodySize: req.bodySize ?? -1,
  };
  if (req.postData && req.postData.text) request.postData = { mimeType: req.postData.mimeType || '', text: req.postData.text, params: [] };
  const content = { size: ws ? 0 : Math.max(0, res.content.size || 0), compression: ws ? 0 : res.content.compression || 0,
    mimeType: ws || !res.content.mimeType ? 'x-unknown' : res.content.mimeType };
  if (!ws && res.content.text) {
    content.text = res.content.text;
    if (res.content.encoding === 'base64') content.encoding = 'base64';
  }
  const response = {
    status: Math.max(0, res.status || 0),
    statusText: res.statusText || '',
    httpVersion: ws ? '' : httpVersion(res.httpVersion),
    cookies: (res.cookies || []).map(c => {
      const o = {};
      for (const f of ['name', 'value', 'path', 'domain', 'expires']) if (typeof c[f] === 'string' && c[f] !== '') o[f] = c[f];
      o.httpOnly = !!c.httpOnly;
      o.secure = !!c.secure;
      return o;
    }),
    headers: headers(res.headers),
    content,
    redirectURL: res.redirectURL || '',
    headersSize: res.headersSize ?? -1,
    bodySize: res.bodySize ?? -1,
  };
  if (typeof res._transferSize === 'number') response._transferSize = res._transferSize;
  const out = { pageref: 'page_0', startedDateTime: chrome.startedDateTime, time, request, response, cache: {}, timings };
  if (!ws && chrome.serverIPAddress) {
    out.serverIPAddress = chrome.serverIPAddress;
    const p = port(req.url);
    if (p) out._serverPort = p;
  }
  if (!ws && chrome.connection) {
    if (!connections.has(chrome.connection)) connections.set(chrome.connection, connections.size + 1);
    out.connection = String(connections.get(chrome.connection));
  }
  if (!ws) {
    out._fetchType = chrome._fromCache === 'memory' ? 'Memory Cache' : chrome._fromCache === 'disk' ? 'Disk Cache' : 'Network Load';
    const pr = (chrome._priority || '').toLowerCase();
    if (pr) out._priority = pr.endsWith('high') ? 'high' : pr.endsWith('low') ? 'low' : 'medium';
  }
  return out;
}

function toSafari(har) {
  const connections = new Map();
  const kept = har.log.entries.filter(finished);
  const entries = kept.map(e => entry(e, connections));
  const first = kept[0];
  const chromePage = (har.log.pages || [])[0] || {};
  return {
    log: {
      version: har.log.version || '1.2',
      creator: { name: 'WebKit Web Inspector', version: '1.0' },
      pages: [{ startedDateTime: chromePage.startedDateTime || (first ? first.startedDateTime : ''), id: 'page_0',
        title: first ? first.request.url : '', pageTimings: {} }],
      entries,
    },
  };
}

if (require.main === module) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) { console.error('usage: safari-har.js <chromium.har> <safari.har>'); process.exit(2); }
  fs.writeFileSync(to, JSON.stringify(toSafari(JSON.parse(fs.readFileSync(from, 'utf8'))), null, 2) + '\n');
}
module.exports = { toSafari, finished };
