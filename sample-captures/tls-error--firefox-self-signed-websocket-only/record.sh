#!/usr/bin/env bash
# Records this scenario (see README.md). Loopback only; every process it starts is stopped at the end.
# Makes a throw-away self-signed certificate for 127.0.0.1 with openssl (deleted afterwards,
# never committed).
set -euo pipefail
cd "$(dirname "$0")"
CERT_DIR="$(mktemp -d /tmp/sio-rec-cert-XXXXXX)"
trap 'rm -rf "$CERT_DIR"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$CERT_DIR/key.pem" -out "$CERT_DIR/cert.pem" 2>/dev/null
export CERT_DIR
exec node ../recorder/lib/recorder.js "$PWD"
