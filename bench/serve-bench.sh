#!/usr/bin/env bash
# serve benchmark: latency of one upload to a running `sio-doctor serve`. Starts the server on a
# loopback port the OS picks, warms it up, then posts one HAR N times, one request at a time, to
# /api/analyze (JSON report) and /analyze (HTML report, what the upload page gets), and prints
# p50/p90/p99/max per endpoint, the server's peak RSS, and curl's own floor (GET /healthz) as the
# anchor.
# usage: bench/serve-bench.sh [N] [WARMUP] [HAR]
#   N (default 200) timed uploads per endpoint; WARMUP (default 100) untimed uploads first (the
#   JIT compiles the analysis during them); HAR defaults to the 0.5 MB sample capture
#   sample-captures/sticky-session-missing--python-two-workers/capture.har. JAVA_OPTS are passed on;
#   SIO_DOCTOR_JAR=path runs that jar instead of the current build.
# needs curl and python3; builds the jar if needed
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-200}"
warmup="${2:-100}"
har="${3:-$root/sample-captures/sticky-session-missing--python-two-workers/capture.har}"
out="$root/bench/out"
mkdir -p "$out"
[ -f "$har" ] || { echo "serve-bench: no such HAR: $har" >&2; exit 2; }
# a private copy: a rebuild during the run must not swap the jar under the benchmark
# (SIO_DOCTOR_JAR=path benchmarks that jar instead, e.g. an older build)
jar="${SIO_DOCTOR_JAR:-}"
if [ -z "$jar" ]; then
  "$root/sio-doctor" --version >/dev/null
  jar="$out/serve-bench.jar"
  cp "$root/analyzer/target/sio-doctor.jar" "$jar"
fi
log="$out/serve-bench.log"
SIO_DOCTOR_JAR="$jar" "$root/sio-doctor" serve --host 127.0.0.1 --port 0 >"$out/serve-bench.out" 2>"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -n 1 || true)"
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "serve-bench: the server did not start:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "serve-bench: no URL from the server after 30 s" >&2; exit 1; }
bytes=$(stat -L -c %s "$har")
echo "server: $url (pid $pid); upload: $har ($((bytes / 1024)) KB); $warmup warm-up + $n timed uploads per endpoint"

# one request at a time; curl's time_total per request, in seconds, one per line
post() { # ENDPOINT COUNT FILE
  local i
  for ((i = 0; i < $2; i++)); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -F "file=@$har;filename=capture.har" "$url$1"
  done >"$3"
  if grep -qv '^200 ' "$3"; then
    echo "serve-bench: $1 answered other than 200:" >&2
    sort "$3" | cut -d' ' -f1 | uniq -c >&2
    exit 1
  fi
}
get() { # ENDPOINT COUNT FILE
  local i
  for ((i = 0; i < $2; i++)); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$url$1"
  done >"$3"
}
# the server's CPU time so far (user + system), in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
tick_hz=$(getconf CLK_TCK)
stats() { # LABEL FILE
  cut -d' ' -f2 "$2" | sort -g | awk -v label="$1" '
    { t[NR] = $1 * 1000 }
    END {
      printf "%-34s p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d requests)\n", label,
        t[int((NR - 1) * 0.50) + 1], t[int((NR - 1) * 0.90) + 1], t[int((NR - 1) * 0.99) + 1], t[NR], NR
    }'
}

post api/analyze "$warmup" "$out/serve-warm.txt"
post analyze "$((warmup / 4 + 1))" "$out/serve-warm.txt"
get healthz "$n" "$out/serve-healthz.txt"
c0=$(cpu_ticks)
post api/analyze "$n" "$out/serve-api.txt"
c1=$(cpu_ticks)
post analyze "$n" "$out/serve-html.txt"
c2=$(cpu_ticks)
# server CPU per upload: steadier than latency on a loaded machine (all threads, GC and JIT included)
cpu_per() { awk -v t="$1" -v n="$n" -v hz="$tick_hz" 'BEGIN { printf "server CPU %.1f ms per upload", t * 1000 / hz / n }'; }
stats "POST /api/analyze (JSON report)" "$out/serve-api.txt"
echo "  $(cpu_per $((c1 - c0)))"
stats "POST /analyze (HTML report)" "$out/serve-html.txt"
echo "  $(cpu_per $((c2 - c1)))"
stats "GET /healthz (curl + HTTP floor)" "$out/serve-healthz.txt"
awk '/VmHWM/ { printf "server peak RSS %.0f MB\n", $2 / 1024 }' "/proc/$pid/status"
