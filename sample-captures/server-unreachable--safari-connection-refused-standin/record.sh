#!/usr/bin/env bash
# Makes this stand-in (see README.md). Safari cannot run here: capture.har is the real Chromium
# recording of $src rewritten by ../recorder/safari-har.js into what Safari's Web Inspector exports
# for the same traffic. Record that folder first to start anew.
set -euo pipefail
cd "$(dirname "$0")"
src=../server-unreachable--connection-refused
node ../recorder/safari-har.js "$src/capture.har" capture.har
