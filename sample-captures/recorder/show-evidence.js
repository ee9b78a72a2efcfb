#!/usr/bin/env node
'use strict';
// Prints every evidence location of <folder>/expected.json (and its variants) with a short
// excerpt of what is there, and fails if a location does not exist or an input is missing.
//   node recorder/show-evidence.js [folder ...]     (default: every folder with expected.json)
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const folders = process.argv.slice(2).length
  ? process.argv.slice(2).map((d) => d.replace(/\/$/, ''))
  : fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'expected.json'))).sort();

const causes = new Set();
const causesMd = path.join(root, '..', '..', 'shared', 'causes.md');
if (fs.existsSync(causesMd)) {
  for (const m of fs.readFileSync(causesMd, 'utf8').matchAll(/^\| `([a-z0-9-]+)` \|/gm)) causes.add(m[1]);
}

let bad = 0;
const cache = new Map();
function load(dir, file) {
  const key = path.join(dir, file);
  if (!cache.has(key)) {
    if (!fs.existsSync(key)) cache.set(key, null);
    else if (file.endsWith('.har')) cache.set(key, JSON.parse(fs.readFileSync(key, 'utf8')));
    else cache.set(key, fs.readFileSync(key, 'utf8').split('\n'));
  }
  return cache.get(key);
}

function excerpt(dir, ev) {
  const data = load(dir, ev.file);
  if (data === null) return `MISSING FILE ${ev.file}`;
  let m = /^line (\d+)$/.exec(ev.location);
  if (m) {
    const line = data[Number(m[1]) - 1];
    return line === undefined || (line === '' && Number(m[1]) === data.length) ? 'NO SUCH LINE' : line.slice(0, 160);
  }
  m = /^entries\[(\d+)\](?:\._webSocketMessages\[(\d+)\])?$/.exec(ev.location);
  if (!m) return 'BAD LOCATION FORMAT';
  const e = data.log.entries[Number(m[1])];
  if (!e) return 'NO SUCH ENTRY';
  if (m[2] !== undefined) {
    const f = (e._webSocketMessages || [])[Number(m[2])];
    if (!f) return 'NO SUCH FRAME';
    return `${f.type} op${f.opcode} @${new Date(f.time * 1000).toISOString()} ${String(f.data).slice(0, 100)}${f.data.length > 100 ? ` …(${f.data.length} chars)` : ''}`;
  }
  const body = (e.response.content.text || '').replace(/\s+/g, ' ').slice(0, 70);
  return `${e.request.method} ${e.request.url.slice(0, 90)} -> ${e.response.status} _error=${JSON.stringify(e.response._error)} ${body}` +
    (e._webSocketMessages ? ` [${e._webSocketMessages.length} ws msgs, time ${Math.round(e.time)} ms]` : '');
}

for (const d of folders) {
  const dir = path.join(root, d);
  const exp = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  console.log(`\n## ${d}  top=${exp.top}`);
  const runs = [exp, ...(exp.variants || [])];
  runs.forEach((run, i) => {
    // top "inconclusive" = no cause proven (verdict inconclusive); allowed items may be {id, reason}
    const top = run.top === 'inconclusive' ? null : run.top;
    const allowed = (run.allowed || exp.allowed || []).map((a) => (a && typeof a === 'object' ? a.id : a));
    for (const c of [top, ...(run.causes || []), ...allowed]) {
      if (c && causes.size && !causes.has(c)) { console.log(`  !! unknown cause id ${c}`); bad++; }
    }
    for (const f of run.inputs) if (load(dir, f) === null) { console.log(`  !! missing input ${f}`); bad++; }
    if ((top === null) !== ((run.causes || []).length === 0)) { console.log('  !! top/causes mismatch'); bad++; }
    console.log(`  ${i === 0 ? 'main' : 'variant ' + i} [${run.inputs.join(', ')}] -> ${run.top}`);
    for (const ev of run.evidence || []) {
      const x = excerpt(dir, ev);
      if (/^(MISSING|NO SUCH|BAD)/.test(x)) bad++;
      console.log(`    ${ev.file} ${ev.location}: ${x}`);
    }
  });
}
if (bad) { console.log(`\n${bad} problem(s)`); process.exit(1); }
