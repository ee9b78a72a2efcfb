#!/usr/bin/env bash
# Records this scenario (see README.md). Loopback only (Firefox resolves app.test to 127.0.0.1:
# network.dns.localDomains); every process it starts is stopped at the end. Makes a throw-away
# self-signed certificate for app.test with openssl (deleted afterwards, never committed); Firefox
# accepts it through its WebDriver BiDi session (acceptInsecureCerts).
set -euo pipefail
cd "$(dirname "$0")"
CERT_DIR="$(mktemp -d /tmp/sio-rec-cert-XXXXXX)"
trap 'rm -rf "$CERT_DIR"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=app.test" \
  -addext "subjectAltName=DNS:app.test" \
  -keyout "$CERT_DIR/key.pem" -out "$CERT_DIR/cert.pem" 2>/dev/null
export CERT_DIR
exec node ../recorder/lib/recorder.js "$PWD"
