'use strict';
// Builds a HAR the way Chrome DevTools "Save all as HAR with content" does, from raw
// Chrome DevTools Protocol events. Field mapping follows ChromeDevTools/devtools-frontend
// front_end/models/har/Log.ts (Entry.build / _buildTimings / _buildResponse) and the
// WebSocket handling of front_end/core/sdk/NetworkManager.ts (NetworkDispatcher).
//
// Playwright's recordHar is not used on purpose: it leaves out WebSocket frames and
// requests that failed before a response.

const SENSITIVE_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

class HarRecorder {
  constructor(cdp, opts = {}) {
    this.cdp = cdp;
    this.label = opts.label || 'page';
    this.requests = new Map();   // requestId -> record (current, latest redirect hop)
    this.order = [];             // all records in start order (redirect hops included)
    this.pages = [];             // {id, url, startWall, startMono, onContentLoad, onLoad}
    this.clockOffset = null;     // wallTime - monotonic timestamp (seconds)
    this.pending = [];           // promises for bodies / post data
    this.stopped = false;
    this.userAgent = opts.userAgent || '';
    // DevTools' "Export HAR (with sensitive data)": keep Cookie / Set-Cookie / Authorization
    this.withSensitiveData = !!opts.withSensitiveData;
  }

  async start() {
    const c = this.cdp;
    const on = (ev, fn) => c.on(ev, (p) => { if (!this.stopped) { try { fn.call(this, p); } catch (e) { console.error('[har]', ev, e); } } });
    on('Network.requestWillBeSent', this.onRequestWillBeSent);
    on('Network.requestWillBeSentExtraInfo', this.onRequestExtraInfo);
    on('Network.responseReceived', this.onResponseReceived);
    on('Network.responseReceivedExtraInfo', this.onResponseExtraInfo);
    on('Network.dataReceived', this.onDataReceived);
    on('Network.loadingFinished', this.onLoadingFinished);
    on('Network.loadingFailed', this.onLoadingFailed);
    on('Network.resourceChangedPriority', (p) => { const r = this.requests.get(p.requestId); if (r) r.priority = p.newPriority; });
    on('Network.webSocketCreated', this.onWsCreated);
    on('Network.webSocketWillSendHandshakeRequest', this.onWsWillSend);
    on('Network.webSocketHandshakeResponseReceived', this.onWsResponse);
    on('Network.webSocketFrameSent', (p) => this.onWsFrame(p, 'send'));
    on('Network.webSocketFrameReceived', (p) => this.onWsFrame(p, 'receive'));
    on('Network.webSocketFrameError', this.onWsFrameError);
    on('Network.webSocketClosed', this.onWsClosed);
    on('Page.frameNavigated', this.onFrameNavigated);
    on('Page.domContentEventFired', (p) => { const pg = this.currentPage(); if (pg && pg.onContentLoad < 0) pg.onContentLoad = (p.timestamp - pg.startMono) * 1000; });
    on('Page.loadEventFired', (p) => { const pg = this.currentPage(); if (pg && pg.onLoad < 0) pg.onLoad = (p.timestamp - pg.startMono) * 1000; });
    await c.send('Page.enable');
    await c.send('Network.enable', { maxTotalBufferSize: 200 * 1024 * 1024, maxResourceBufferSize: 50 * 1024 * 1024, maxPostDataSize: 8 * 1024 * 1024 });
    await c.send('Network.setCacheDisabled', { cacheDisabled: true });
  }

  wall(mono) {
    if (this.clockOffset === null) return Date.now() / 1000;
    return mono + this.clockOffset;
  }

  currentPage() { return this.pages[this.pages.length - 1]; }

  // ---- HTTP -------------------------------------------------------------------------
  onRequestWillBeSent(p) {
    if (p.wallTime) this.clockOffset = p.wallTime - p.timestamp;
    if (p.type === 'Document' && p.frameId && p.loaderId === p.requestId && !p.redirectResponse) {
      // a main-frame (or iframe) navigation starts: DevTools' PageLoad is created from it
      if (!p.documentURL || p.request.url === p.documentURL) {
        this.pages.push({ id: this.pages.length + 1, url: p.request.url, startMono: p.timestamp, startWall: p.wallTime, onContentLoad: -1, onLoad: -1, frameId: p.frameId });
      }
    }
    let prev = this.requests.get(p.requestId);
    if (prev && p.redirectResponse) {
      // finish the previous hop as a redirect, exactly like DevTools appendRedirect()
      this.applyResponse(prev, p.redirectResponse, p.timestamp);
      prev.endTime = p.timestamp;
      prev.finished = true;
      prev.transferSize = p.redirectResponse.encodedDataLength || 0;
    }
    const r = {
      requestId: p.requestId,
      kind: 'http',
      url: p.request.url,
      method: p.request.method,
      requestHeaders: p.request.headers || {},
      hasPostData: !!p.request.hasPostData,
      postData: p.request.postData !== undefined ? p.request.postData : (p.request.postDataEntries ? undefined : undefined),
      issueTime: p.timestamp,
      wallIssueTime: p.wallTime,
      startTime: p.timestamp,
      initiator: p.initiator,
      priority: p.request.initialPriority,
      resourceType: p.type || 'Other',
      pageId: this.currentPage() ? this.currentPage().id : undefined,
      status: 0, statusText: '', responseHeaders: null, responseHeadersText: '', mimeType: '',
      timing: null, responseReceivedTime: -1, endTime: -1, finished: false,
      error: null, canceled: false, blockedReason: undefined, corsErrorStatus: undefined,
      transferSize: 0, resourceSize: 0, body: undefined, base64: false,
      remoteIPAddress: '', remotePort: undefined, connectionId: undefined, protocol: '',
    };
    if (r.hasPostData && r.postData === undefined) {
      this.pending.push(this.cdp.send('Network.getRequestPostData', { requestId: p.requestId })
        .then((d) => { r.postData = d.postData; }).catch(() => {}));
    }
    this.requests.set(p.requestId, r);
    this.order.push(r);
    // Extra info may arrive before requestWillBeSent
    if (this._earlyRespExtra && this._earlyRespExtra.has(p.requestId) && !p.redirectResponse) {
      r.respExtra = this._earlyRespExtra.get(p.requestId);
      this._earlyRespExtra.delete(p.requestId);
    }
    if (this._earlyExtra && this._earlyExtra.has(p.requestId)) {
      r.extraRequestHeaders = this._earlyExtra.get(p.requestId);
      this._earlyExtra.delete(p.requestId);
    }
  }

  onRequestExtraInfo(p) {
    const r = this.requests.get(p.requestId);
    if (r && r.kind === 'http') r.extraRequestHeaders = p.headers;
    else { (this._earlyExtra = this._earlyExtra || new Map()).set(p.requestId, p.headers); }
  }

  applyResponse(r, resp, timestamp) {
    r.status = resp.status;
    r.statusText = resp.statusText || '';
    r.responseHeaders = resp.headers || {};
    if (resp.headersText) r.responseHeadersText = resp.headersText;
    r.mimeType = resp.mimeType || '';
    r.responseReceivedTime = timestamp;
    r.remoteIPAddress = resp.remoteIPAddress || '';
    r.remotePort = resp.remotePort;
    r.connectionId = resp.connectionId;
    r.protocol = resp.protocol || '';
    if (resp.timing) { r.timing = resp.timing; r.startTime = resp.timing.requestTime; }
    if (resp.requestHeaders) r.extraRequestHeaders = resp.requestHeaders;
  }

  onResponseReceived(p) {
    const r = this.requests.get(p.requestId);
    if (!r) return;
    this.applyResponse(r, p.response, p.timestamp);
    if (p.type) r.resourceType = p.type;
  }

  // Raw response headers/status. DevTools' ExtraInfoBuilder applies them to the request even
  // when no responseReceived came (e.g. a response blocked by CORS): status 200 + net::ERR_FAILED.
  onResponseExtraInfo(p) {
    const r = this.requests.get(p.requestId);
    if (r && r.kind === 'http') r.respExtra = p;
    else (this._earlyRespExtra = this._earlyRespExtra || new Map()).set(p.requestId, p);
  }

  finalize() {
    for (const r of this.order) {
      if (r.kind !== 'http') continue;
      if (!r.respExtra && this._earlyRespExtra && this._earlyRespExtra.has(r.requestId)) r.respExtra = this._earlyRespExtra.get(r.requestId);
      const x = r.respExtra;
      if (!x) continue;
      r.rawResponseHeaders = x.headers;
      if (x.headersText) {
        r.responseHeadersText = x.headersText;
        r.statusText = x.headersText.split('\r')[0].split(' ').slice(2).join(' ');
      }
      if (x.statusCode) r.status = x.statusCode;
    }
  }

  onDataReceived(p) {
    const r = this.requests.get(p.requestId);
    if (r) r.resourceSize += p.dataLength || 0;
  }

  onLoadingFinished(p) {
    const r = this.requests.get(p.requestId);
    if (!r) return;
    r.endTime = p.timestamp;
    r.finished = true;
    r.transferSize = p.encodedDataLength || 0;
    this.pending.push(this.cdp.send('Network.getResponseBody', { requestId: p.requestId })
      .then((b) => { r.body = b.body; r.base64 = !!b.base64Encoded; })
      .catch(() => {}));
  }

  onLoadingFailed(p) {
    const r = this.requests.get(p.requestId);
    if (!r) return;
    r.endTime = p.timestamp;
    r.finished = true;
    r.failed = true;
    r.error = p.errorText;
    r.canceled = !!p.canceled;
    r.blockedReason = p.blockedReason;
    r.corsErrorStatus = p.corsErrorStatus;
    if (p.type) r.resourceType = p.type;
  }

  // ---- WebSocket -----------------------------------------------------------------------
  onWsCreated(p) {
    const r = {
      requestId: p.requestId, kind: 'ws', url: p.url, method: 'GET', requestHeaders: {},
      initiator: p.initiator, priority: null, resourceType: 'WebSocket', // DevTools has no priority for WebSockets
      pageId: this.currentPage() ? this.currentPage().id : undefined,
      issueTime: -1, wallIssueTime: undefined, startTime: -1,
      createdWall: Date.now() / 1000,
      status: 0, statusText: '', responseHeaders: null, responseHeadersText: '', mimeType: '',
      timing: null, responseReceivedTime: -1, endTime: -1, finished: false,
      error: null, frames: [], transferSize: 0, resourceSize: 0, remoteIPAddress: '',
    };
    this.requests.set(p.requestId, r);
    this.order.push(r);
  }

  onWsWillSend(p) {
    const r = this.requests.get(p.requestId);
    if (!r) return;
    if (p.wallTime) this.clockOffset = p.wallTime - p.timestamp;
    r.requestHeaders = p.request.headers || {};
    r.issueTime = p.timestamp;
    r.startTime = p.timestamp;
    r.wallIssueTime = p.wallTime;
  }

  onWsResponse(p) {
    const r = this.requests.get(p.requestId);
    if (!r) return;
    r.status = p.response.status;
    r.statusText = p.response.statusText || '';
    r.responseHeaders = p.response.headers || {};
    r.responseHeadersText = p.response.headersText || '';
    if (p.response.requestHeaders) r.extraRequestHeaders = p.response.requestHeaders;
    if (p.response.requestHeadersText) r.requestHeadersText = p.response.requestHeadersText;
    r.responseReceivedTime = p.timestamp;
    r.protocol = 'websocket';
  }

  onWsFrame(p, type) {
    const r = this.requests.get(p.requestId);
    if (!r) return;
    r.frames.push({ type, time: this.pseudoWall(r, p.timestamp), opcode: p.response.opcode, data: p.response.payloadData });
  }

  onWsFrameError(p) {
    const r = this.requests.get(p.requestId);
    if (!r) return;
    if (r.issueTime < 0) {
      // failed before its handshake was sent (a proxy refusing the CONNECT tunnel): DevTools
      // still lists the WebSocket, with its error; it starts when the error came
      r.issueTime = p.timestamp;
      r.startTime = p.timestamp;
      r.wallIssueTime = this.wall(p.timestamp);
    }
    r.frames.push({ type: 'error', time: this.pseudoWall(r, p.timestamp), opcode: -1, data: p.errorMessage });
    r.responseReceivedTime = p.timestamp;
  }

  onWsClosed(p) {
    const r = this.requests.get(p.requestId);
    if (!r) return;
    r.endTime = p.timestamp;
    r.finished = true;
  }

  onFrameNavigated() {}

  pseudoWall(r, mono) {
    if (r.wallIssueTime !== undefined && r.issueTime >= 0) return r.wallIssueTime + (mono - r.issueTime);
    return this.wall(mono);
  }

  // ---- export ---------------------------------------------------------------------------
  async stop() {
    this.stopMono = null;
    // grab the current monotonic time through a cheap round trip
    try {
      const { result } = await this.cdp.send('Runtime.evaluate', { expression: 'Date.now()', returnByValue: true });
      if (this.clockOffset !== null) this.stopMono = result.value / 1000 - this.clockOffset;
    } catch (e) { /* page may be gone */ }
    this.stopped = true;
    await Promise.all(this.pending);
    this.finalize();
  }

  buildHar(opts = {}) {
    const version = (/AppleWebKit\/([^ ]+)/.exec(this.userAgent) || [])[1] || 'n/a';
    const entries = [];
    const records = this.order.filter((r) => r.wallIssueTime !== undefined || r.kind === 'ws');
    for (const r of records) {
      const e = this.buildEntry(r);
      if (e) entries.push(e);
    }
    // DevTools lists requests in the order they started
    entries.sort((a, b) => a.__t - b.__t);
    for (const e of entries) delete e.__t;
    const pages = this.pages.map((pg) => ({
      startedDateTime: new Date(pg.startWall * 1000).toISOString(),
      id: 'page_' + pg.id,
      title: pg.url,
      pageTimings: { onContentLoad: pg.onContentLoad, onLoad: pg.onLoad },
    }));
    return { log: { version: '1.2', creator: { name: 'WebInspector', version }, pages, entries } };
  }

  buildEntry(r) {
    if (r.kind === 'ws' && r.issueTime < 0) return null; // never sent a handshake (blocked before)
    const timings = this.buildTimings(r);
    let time = 0;
    for (const t of [timings.blocked, timings.dns, timings.connect, timings.send, timings.wait, timings.receive]) time += Math.max(t, 0);
    const reqHeaders = sanitizeHeaders(r.extraRequestHeaders || r.requestHeaders, this.withSensitiveData);
    const respHeaderObj = r.rawResponseHeaders || r.responseHeaders;
    const respHeaders = respHeaderObj ? sanitizeHeaders(respHeaderObj, this.withSensitiveData) : [];
    const url = r.url.split('#', 2)[0];
    const startWall = r.wallIssueTime !== undefined ? r.wallIssueTime : r.createdWall;
    const entry = {
      _initiator: exportInitiator(r.initiator),
      _priority: r.priority || null,
      _resourceType: resourceTypeName(r.resourceType),
      cache: {},
      request: {
        method: r.method,
        url,
        httpVersion: requestHttpVersion(r),
        headers: reqHeaders,
        queryString: queryParameters(url),
        cookies: this.withSensitiveData ? requestCookies(reqHeaders) : [],
        headersSize: r.requestHeadersText ? r.requestHeadersText.length : -1,
        bodySize: r.postData ? Buffer.byteLength(r.postData, 'utf8') : 0,
      },
      response: {
        status: r.status,
        statusText: r.statusText,
        httpVersion: responseHttpVersion(r),
        headers: respHeaders,
        cookies: this.withSensitiveData ? responseCookies(respHeaders) : [],
        content: this.buildContent(r),
        redirectURL: headerValue(respHeaderObj, 'location') || '',
        headersSize: r.responseHeadersText ? r.responseHeadersText.length : -1,
        bodySize: r.responseHeadersText ? Math.max(r.transferSize - r.responseHeadersText.length, 0) : -1,
        _transferSize: r.transferSize,
        _error: r.error,
      },
      serverIPAddress: (r.remoteIPAddress || '').replace(/[[\]]/g, ''),
      startedDateTime: new Date(startWall * 1000).toISOString(),
      time,
      timings,
      __t: startWall,
    };
    if (r.postData !== undefined && r.postData !== null) {
      entry.request.postData = { mimeType: headerValue(r.requestHeaders, 'content-type') || '', text: r.postData };
    }
    if (r.connectionId !== undefined && String(r.connectionId) !== '0') entry.connection = String(r.connectionId);
    if (r.pageId) entry.pageref = 'page_' + r.pageId;
    if (r.kind === 'ws') entry._webSocketMessages = r.frames.map((f) => ({ type: f.type, time: f.time, opcode: f.opcode, data: f.data }));
    // Note: CDP's loadingFailed.blockedReason (e.g. "mixed-content") and corsErrorStatus are not
    // exported by DevTools, so they are left out here too; only _error (errorText) survives.
    return entry;
  }

  buildContent(r) {
    const c = { size: r.resourceSize, mimeType: r.mimeType || 'x-unknown' };
    if (r.body !== undefined) {
      c.text = r.body;
      if (r.base64) c.encoding = 'base64';
      if (!r.resourceSize) c.size = r.base64 ? Buffer.from(r.body, 'base64').length : Buffer.byteLength(r.body, 'utf8');
    }
    if (r.kind === 'http' && r.responseHeadersText && r.finished && !r.failed) {
      const bodySize = Math.max(r.transferSize - r.responseHeadersText.length, 0);
      c.compression = c.size - bodySize;
    }
    return c;
  }

  buildTimings(r) {
    // Port of devtools-frontend Log.ts Entry._buildTimings
    const timing = r.timing;
    const issueTime = r.issueTime;
    const startTime = r.startTime;
    let endTime = r.endTime;
    if (endTime < 0 && this.stopMono) endTime = this.stopMono; // still in flight at export time
    const result = { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 0, receive: 0, _blocked_queueing: -1 };
    const queuedTime = issueTime < startTime ? startTime - issueTime : -1;
    result.blocked = ms(queuedTime);
    result._blocked_queueing = ms(queuedTime);
    let highestTime = 0;
    if (timing) {
      const blockedStart = leastNonNegative([timing.dnsStart, timing.connectStart, timing.sendStart]);
      if (blockedStart !== Infinity) result.blocked += blockedStart;
      if (timing.proxyEnd !== -1) result._blocked_proxy = timing.proxyEnd - timing.proxyStart;
      if (result._blocked_proxy && result._blocked_proxy > result.blocked) result.blocked = result._blocked_proxy;
      if (result._blocked_proxy === undefined) delete result._blocked_proxy;
      const dnsStart = timing.dnsEnd >= 0 ? blockedStart : 0;
      const dnsEnd = timing.dnsEnd >= 0 ? timing.dnsEnd : -1;
      result.dns = dnsEnd - dnsStart;
      const sslStart = timing.sslEnd > 0 ? timing.sslStart : 0;
      const sslEnd = timing.sslEnd > 0 ? timing.sslEnd : -1;
      result.ssl = sslEnd - sslStart;
      const connectStart = timing.connectEnd >= 0 ? leastNonNegative([dnsEnd, blockedStart]) : 0;
      const connectEnd = timing.connectEnd >= 0 ? timing.connectEnd : -1;
      result.connect = connectEnd - connectStart;
      const sendStart = timing.sendEnd >= 0 ? Math.max(connectEnd, dnsEnd, blockedStart) : 0;
      const sendEnd = timing.sendEnd >= 0 ? timing.sendEnd : 0;
      result.send = sendEnd - sendStart;
      if (result.send < 0) result.send = 0;
      highestTime = Math.max(sendEnd, connectEnd, sslEnd, dnsEnd, blockedStart, 0);
    } else if (r.responseReceivedTime === -1) {
      result.blocked = endTime >= 0 ? ms(endTime - issueTime) : -1;
      return result;
    }
    const requestTime = timing ? timing.requestTime : startTime;
    const waitStart = highestTime;
    const waitEnd = ms(r.responseReceivedTime - requestTime);
    result.wait = waitEnd - waitStart;
    const receiveStart = waitEnd;
    const receiveEnd = endTime >= 0 ? ms(endTime - requestTime) : receiveStart;
    result.receive = Math.max(receiveEnd - receiveStart, 0);
    return result;
  }
}

function ms(t) { return t === -1 ? -1 : t * 1000; }
function leastNonNegative(values) { return values.reduce((best, v) => (v >= 0 && v < best) ? v : best, Infinity); }

function exportInitiator(init) {
  if (!init) return null;
  const o = { type: init.type };
  if (init.url !== undefined) o.url = init.url;
  if (init.lineNumber !== undefined) o.lineNumber = init.lineNumber;
  if (init.stack) o.stack = init.stack;
  return o;
}

function resourceTypeName(t) {
  const map = { XHR: 'xhr', Fetch: 'fetch', Document: 'document', Script: 'script', WebSocket: 'websocket', Stylesheet: 'stylesheet', Image: 'image', Font: 'font', Preflight: 'preflight', Other: 'other', Ping: 'ping', Manifest: 'manifest', Media: 'media', EventSource: 'eventsource', CSPViolationReport: 'csp-violation-report' };
  return map[t] || String(t || 'other').toLowerCase();
}

function headerValue(obj, name) {
  if (!obj) return undefined;
  for (const k of Object.keys(obj)) if (k.toLowerCase() === name) return obj[k];
  return undefined;
}

function sanitizeHeaders(obj, keepSensitive) {
  const out = [];
  for (const [name, value] of Object.entries(obj || {})) {
    if (!keepSensitive && SENSITIVE_HEADERS.has(name.toLowerCase())) continue; // same as DevTools' sanitized export
    // CDP joins repeated headers with "\n"; DevTools splits them back into separate entries
    for (const v of String(value).split('\n')) out.push({ name, value: v });
  }
  return out;
}

// HAR cookie objects from the Cookie request header(s): {name, value}, as DevTools lists the
// cookies the request included (exports with sensitive data only).
function requestCookies(headers) {
  const out = [];
  for (const h of headers) {
    if (h.name.toLowerCase() !== 'cookie') continue;
    for (const part of h.value.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) out.push({ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() });
    }
  }
  return out;
}

// HAR cookie objects from Set-Cookie response headers: name, value and the attributes DevTools keeps.
function responseCookies(headers) {
  const out = [];
  for (const h of headers) {
    if (h.name.toLowerCase() !== 'set-cookie') continue;
    const [pair, ...attrs] = h.value.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const c = { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), path: '', domain: '', expires: null, httpOnly: false, secure: false };
    for (const a of attrs) {
      const [k, v = ''] = a.split('=');
      const key = k.trim().toLowerCase();
      if (key === 'path') c.path = v.trim();
      else if (key === 'domain') c.domain = v.trim();
      else if (key === 'expires') c.expires = new Date(v.trim()).toISOString();
      else if (key === 'httponly') c.httpOnly = true;
      else if (key === 'secure') c.secure = true;
      else if (key === 'samesite') c.sameSite = v.trim();
    }
    out.push(c);
  }
  return out;
}

function queryParameters(url) {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const qs = url.substring(q + 1);
  if (!qs) return [];
  return qs.split('&').map((pair) => {
    const i = pair.indexOf('=');
    return i === -1 ? { name: pair, value: '' } : { name: pair.substring(0, i), value: pair.substring(i + 1) };
  });
}

// DevTools NetworkRequest.requestHttpVersion()/responseHttpVersion(): the first line of the
// raw headers text if known, otherwise "HTTP/1.1" (also for requests that failed).
function requestHttpVersion(r) {
  if (r.requestHeadersText) {
    const m = /^\S+\s+\S+\s+(\S+)/.exec(r.requestHeadersText);
    if (m) return m[1];
  }
  return 'HTTP/1.1';
}

function responseHttpVersion(r) {
  if (r.responseHeadersText) {
    const m = /^(\S+)/.exec(r.responseHeadersText);
    if (m) return m[1];
  }
  return 'HTTP/1.1';
}

module.exports = { HarRecorder };
