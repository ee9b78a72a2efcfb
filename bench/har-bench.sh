#!/usr/bin/env bash
# HAR benchmark: analyse a ~1 GB HAR (real entries repeated) with a 256 MB heap, alternating with
# jq reading the same file, three times each. Prints seconds, MB/s and peak RSS per run.
# usage: bench/har-bench.sh [SIZE_MB]   (needs python3, jq, /usr/bin/time; builds the jar if needed)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-1024}"
out="$root/bench/out"
mkdir -p "$out"
har="$out/big-$size-$(printf '%s' "${SOURCES:-default}" | cksum | cut -d' ' -f1).har"
# real captures in turn: WebSocket chat, a v3 page whose client bundle is served with its content
# and Chrome's initiator stacks, a page whose Socket.IO path is wrong (SOURCES=a.har,b.har overrides)
captures="$root/sample-captures"
src="${SOURCES:-$captures/healthy--v4-websocket-upgrade/capture.har,$captures/healthy--v3-pair/capture.har,$captures/wrong-path--404/capture.har}"
[ -f "$har" ] || python3 "$root/bench/gen-big-har.py" "$src" "$har" "$size"
"$root/sio-doctor" --version >/dev/null
# a private copy: a rebuild during the run must not swap the jar under the benchmark
jar="$out/sio-doctor.jar"
cp "$root/analyzer/target/sio-doctor.jar" "$jar"
bytes=$(stat -c %s "$har")
mb=$(awk -v b="$bytes" 'BEGIN{printf "%.0f", b/1048576}')
echo "file: $har ($mb MB)"
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt" || true
  # the last line: a run that exits non-zero (analyze exits 1 when it finds a cause) gets a
  # "Command exited with non-zero status" line first
  read -r secs kb < <(tail -n 1 "$out/time.txt")
  awk -v n="$name" -v s="$secs" -v k="$kb" -v mb="$mb" \
    'BEGIN{printf "%-28s %6.2f s  %7.0f MB/s  peak RSS %5.0f MB\n", n, s, mb/s, k/1024}'
}
for i in 1 2 3; do
  run "sio-doctor -Xmx256m" java -Xmx256m -jar "$jar" analyze --format json "$har"
  run "jq '.log.entries|length'" jq '.log.entries|length' "$har"
done
