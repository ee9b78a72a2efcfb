#!/usr/bin/env bash
# Records this scenario (see README.md). Loopback only; every process it starts is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")"
exec node ../recorder/lib/recorder.js "$PWD"
