#!/usr/bin/env bash
# Makes this stand-in (see README.md). Safari cannot run here: capture.har is the real Chromium
# recording of $src rewritten by ../recorder/safari-har.js into
# what Safari's Web Inspector exports for the same traffic; the server logs are in that folder (same
# minutes, same sids). Record that folder first to start anew.
set -euo pipefail
cd "$(dirname "$0")"
src=../sticky-session-missing--nginx-two-nodes
node ../recorder/safari-har.js "$src/capture.har" capture.har
