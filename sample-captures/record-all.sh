#!/usr/bin/env bash
# Re-records every scenario folder, one after the other (2 cores: never in parallel).
# Usage: ./record-all.sh [folder ...]   (default: every folder that has a record.sh)
# Needs: node 20, /usr/bin/chromium, /usr/sbin/nginx, openssl, and `npm ci` in recorder/; the exporter
# folders (*--mitmproxy-*, *--firefox-*) also need Debian mitmproxy and firefox-esr.
set -uo pipefail
cd "$(dirname "$0")"
if [ ! -d recorder/node_modules ]; then
  (cd recorder && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
if [ "$#" -gt 0 ]; then dirs=("$@"); else dirs=(); for f in */record.sh; do dirs+=("${f%/record.sh}"); done; fi
failed=()
for d in "${dirs[@]}"; do
  d="${d%/}"
  echo "=== $d"
  start=$(date +%s)
  if ./"$d"/record.sh; then echo "=== $d ok ($(( $(date +%s) - start )) s)"; else echo "=== $d FAILED"; failed+=("$d"); fi
done
if [ "${#failed[@]}" -gt 0 ]; then echo "failed: ${failed[*]}"; exit 1; fi
echo "all ${#dirs[@]} scenarios recorded"
