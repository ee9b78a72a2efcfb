'use strict';
// Records a page the way browsertime / sitespeed.io and puppeteer-har do: every Page.* and Network.*
// message Chromium sends over the DevTools protocol is collected as {method, params}, in arrival
// order, and handed to npm chrome-har's harFromMessages() once the page has been recorded.
//
//   chromeHar(rec, {url, har, bodies, duration})
//     bodies: false (browsertime's default: response bodies not included): no content.text
//             true  (puppeteer-har saveResponse; browsertime when told to include them): Network.getResponseBody after each
//                   Network.loadingFinished, set as params.response.body of that request's
//                   Network.responseReceived message, and harFromMessages(..., {includeTextFromResponseBody: true})
// `events` (default cdp-events.txt) lists the messages chrome-har was given, one line each (method,
// requestId and what identifies it: URL, status, errorText, WebSocket opcode and payload head; no
// headers, bodies or stacks), so that what the HAR leaves out can be checked beside it.
//
// What chrome-har 1.3.1 does with them (index.js, lib/ignoredEvents.js; see sample-captures/EXPORTERS.md):
// Network.webSocket* are ignored ("sadly HAR file format doesn't include web sockets") and
// ws:/wss: URLs are not a supported protocol, so no WebSocket appears at all; a Network.loadingFailed
// other than net::ERR_ABORTED removes its entry; an entry with no response when the messages end
// (a long-poll still waiting, a refused request) is dropped ("Dropping incomplete request").
const path = require('path');
const fs = require('fs');
const { pathToFileURL } = require('url');

const NODE_MODULES = path.join(__dirname, '..', 'node_modules');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** chrome-har is an ES module: imported from the recorder's node_modules. */
async function loadChromeHar() {
  const entry = path.join(NODE_MODULES, 'chrome-har', 'index.js');
  const version = JSON.parse(fs.readFileSync(path.join(NODE_MODULES, 'chrome-har', 'package.json'), 'utf8')).version;
  const mod = await import(pathToFileURL(entry).href);
  return { harFromMessages: mod.harFromMessages, version };
}

/**
 * Collects every Page.* and Network.* event of a Playwright CDPSession, like chrome-remote-interface's
 * catch-all 'event' listener that browsertime uses (Playwright has no wildcard listener: its
 * CDPSession re-emits each protocol event by method name, so emit() is wrapped).
 */
function collect(cdp) {
  const messages = [];
  const emit = cdp.emit.bind(cdp);
  cdp.emit = (method, params, ...rest) => {
    if (typeof method === 'string' && /^(Page|Network)\./.test(method)) messages.push({ method, params });
    return emit(method, params, ...rest);
  };
  return messages;
}

/** puppeteer-har's saveResponse: the body of each finished request, put on its responseReceived message. */
function keepBodies(cdp, messages, pending, log) {
  cdp.on('Network.loadingFinished', ({ requestId }) => {
    const response = messages.find((m) => m.method === 'Network.responseReceived' && m.params.requestId === requestId);
    if (!response) return;
    pending.push(cdp.send('Network.getResponseBody', { requestId }).then(({ body, base64Encoded }) => {
      // Engine.IO polling bodies are text; binary bodies (fonts, images) are left out as puppeteer-har's
      // users usually do, rather than stored as base64 chrome-har would not label
      if (!base64Encoded) response.params.response.body = body;
    }).catch((e) => log(`getResponseBody ${requestId}: ${e.message.split('\n')[0]}`)));
  });
}

/** One line of cdp-events.txt: seconds since the first message's timestamp, method, requestId, what it names. */
function describe(m, t0) {
  const p = m.params || {};
  const t = typeof p.timestamp === 'number' && t0 !== null ? (p.timestamp - t0).toFixed(3) : '-';
  const what = [];
  if (p.request && p.request.url) what.push(p.request.method, p.request.url);
  if (p.url && !p.request) what.push(p.url);
  if (p.response && typeof p.response.status === 'number') what.push(String(p.response.status));
  if (p.errorText) what.push(p.errorText);
  if (p.canceled) what.push('canceled');
  if (p.corsErrorStatus) what.push(`cors ${p.corsErrorStatus.corsError}`);
  if (p.response && typeof p.response.payloadData === 'string') {
    what.push(`opcode ${p.response.opcode}`, JSON.stringify(p.response.payloadData.slice(0, 60)));
  }
  return [t, m.method, p.requestId || '-'].concat(what).join(' ');
}

function writeEvents(file, messages) {
  const first = messages.find((m) => m.params && typeof m.params.timestamp === 'number');
  const t0 = first ? first.params.timestamp : null;
  fs.writeFileSync(file, messages.map((m) => describe(m, t0)).join('\n') + '\n');
}

async function chromeHar(rec, { url, har = 'capture.har', events = 'cdp-events.txt', bodies = false, duration = 8000, args = [] }) {
  const { harFromMessages, version } = await loadChromeHar();
  const { launchChromium, closeBrowser } = require('./exporters');
  const browser = await launchChromium(rec, args);
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const messages = collect(cdp);
  const pending = [];
  if (bodies) keepBodies(cdp, messages, pending, (...a) => rec.log(...a));
  await cdp.send('Page.enable');
  await cdp.send('Network.enable');
  rec.log(`chrome-har ${version} (bodies ${bodies ? 'kept' : 'not kept'}): open ${url}`);
  await page.goto(url, { waitUntil: 'commit', timeout: 15000 }).catch((e) => rec.log('goto:', e.message.split('\n')[0]));
  await sleep(duration);
  await Promise.all(pending);
  // stop collecting before the browser closes: closing fails the requests still open, which a
  // browsertime run (stopping at its end of measurement) does not see either
  const taken = messages.slice();
  await closeBrowser(rec, browser);
  const counts = {};
  for (const m of taken) counts[m.method] = (counts[m.method] || 0) + 1;
  rec.log(`${taken.length} CDP messages: ${JSON.stringify(counts)}`);
  for (const m of taken) {
    if (m.method === 'Network.loadingFailed') rec.log(`  loadingFailed ${m.params.requestId} ${m.params.errorText}`);
    if (m.method === 'Network.webSocketCreated') rec.log(`  webSocketCreated ${m.params.requestId} ${m.params.url}`);
    if (m.method === 'Network.webSocketHandshakeResponseReceived') rec.log(`  webSocket ${m.params.requestId} answered ${m.params.response.status}`);
  }
  if (events) writeEvents(path.join(rec.dir, events), taken);
  const out = harFromMessages(taken, { includeTextFromResponseBody: bodies });
  fs.writeFileSync(path.join(rec.dir, har), JSON.stringify(out, null, 2) + '\n');
  rec.log(`wrote ${har}: ${out.log.entries.length} entries`);
  return { messages: taken, har: out };
}

module.exports = { chromeHar };
