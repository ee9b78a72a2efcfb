#!/usr/bin/env bash
# Records this scenario (see README.md). Loopback only; every process it starts is stopped at the end.
# Makes a throw-away self-signed certificate for 127.0.0.1 (deleted afterwards, never committed).
set -euo pipefail
cd "$(dirname "$0")"
source ../recorder/lib/self-signed-cert.sh 127.0.0.1 IP:127.0.0.1
node ../recorder/lib/recorder.js "$PWD"
