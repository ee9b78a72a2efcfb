#!/usr/bin/env bash
# Records this scenario (see README.md). Loopback only (Firefox resolves app.test to 127.0.0.1:
# network.dns.localDomains); every process it starts is stopped at the end. Makes a throw-away
# self-signed certificate for app.test (deleted afterwards, never committed); Firefox accepts it
# through its WebDriver BiDi session (acceptInsecureCerts).
set -euo pipefail
cd "$(dirname "$0")"
source ../recorder/lib/self-signed-cert.sh app.test DNS:app.test
node ../recorder/lib/recorder.js "$PWD"
