#!/usr/bin/env node
'use strict';
// Stand-in for Chrome DevTools' "Export HAR (sanitized)" (the Network panel's default export since
// Chrome 130): removes exactly what DevTools removes when it builds a HAR with `sanitize: true`,
// nothing else. Source: ChromeDevTools/devtools-frontend front_end/models/har/Log.ts, Entry.build
// (commit 937f463144810330d5bb4b30a0cb2a68ff34e9cb):
//     if (options.sanitize) {
//       entry.response.cookies = [];
//       entry.response.headers = ...filter(name not 'set-cookie');
//       entry.request.cookies = [];
//       entry.request.headers = ...filter(name not in ['authorization', 'cookie']);
//     }
// Bodies, WebSocket messages, timings, `Proxy-Authorization` and query strings are kept, as there.
//
//   node chrome-sanitize.js <full.har> <sanitized.har>
const fs = require('fs');

function sanitize(har) {
  for (const entry of har.log.entries) {
    entry.response.cookies = [];
    entry.response.headers = entry.response.headers.filter(({ name }) => name.toLowerCase() !== 'set-cookie');
    entry.request.cookies = [];
    entry.request.headers = entry.request.headers.filter(({ name }) => !['authorization', 'cookie'].includes(name.toLowerCase()));
  }
  return har;
}

if (require.main === module) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) { console.error('usage: chrome-sanitize.js <full.har> <sanitized.har>'); process.exit(2); }
  fs.writeFileSync(to, JSON.stringify(sanitize(JSON.parse(fs.readFileSync(from, 'utf8'))), null, 2) + '\n');
}
module.exports = { sanitize };
