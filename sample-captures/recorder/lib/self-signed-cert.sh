# Sourced by a capture's record.sh: makes a throw-away self-signed certificate (CN $1,
# subjectAltName $2, e.g. "IP:127.0.0.1" or "DNS:app.test") with openssl in a temp dir, exports
# it as CERT_DIR (key.pem, cert.pem) and deletes it when the script exits (run the recorder
# without `exec`, or the trap never runs). Never committed.
CERT_DIR="$(mktemp -d /tmp/sio-rec-cert-XXXXXX)"
trap 'rm -rf "$CERT_DIR"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$1" -addext "subjectAltName=$2" \
  -keyout "$CERT_DIR/key.pem" -out "$CERT_DIR/cert.pem" 2>/dev/null
export CERT_DIR
