#!/usr/bin/env bash
# HAR benchmark: `analyze --format json` of a big HAR shaped like a real page's DevTools export
# (bench/gen-big-har.py: recorded Socket.IO captures plus the page's JavaScript bundles, images,
# HTML, CORS preflights and deep _initiator stacks), with a 256 MB heap, alternating with
# `jq '.log.entries|length'` on the same file, ROUNDS rounds each (default 3). Prints seconds, MB/s
# and peak RSS per run, then the medians and the ratio jq/sio-doctor (above 1: sio-doctor is faster).
# usage: bench/har-bench.sh [SIZE_MB] [ROUNDS]   (default 315 MB; needs python3, jq, /usr/bin/time;
#        builds the jar if needed; SOURCES=a.har,b.har picks other captures; HEAP=-Xmx512m another heap)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-315}"
rounds="${2:-3}"
heap="${HEAP:--Xmx256m}"
out="$root/bench/out"
mkdir -p "$out"
captures="$root/sample-captures"
# recorded captures taking turns: cross-origin v4 with upgrade, a v3 page, a page kept on polling,
# a long WebSocket session with many pings
src="${SOURCES:-$captures/healthy--v4-cross-origin-cors/capture.har,$captures/healthy--v3-pair/capture.har,$captures/polling-only-config--server-polling-transport/capture.har,$captures/healthy--long-session-many-pings/capture.har}"
gen_sum=$(cksum <"$root/bench/gen-big-har.py" | cut -d' ' -f1)
har="$out/page-$size-$(printf '%s %s' "$src" "$gen_sum" | cksum | cut -d' ' -f1).har"
[ -f "$har" ] || python3 "$root/bench/gen-big-har.py" "$src" "$har" "$size" >&2
"$root/sio-doctor" --version >/dev/null
# a private copy: a rebuild during the run must not swap the jar under the benchmark
jar="$out/sio-doctor.jar"
cp "$root/analyzer/target/sio-doctor.jar" "$jar"
bytes=$(stat -L -c %s "$har")
mb=$(awk -v b="$bytes" 'BEGIN{printf "%.0f", b/1048576}')
echo "file: $har ($mb MB), heap $heap, $rounds rounds, $(nproc) cores"
# one warm-up of each (page cache, CDS archive), not counted
SIO_DOCTOR_JAR="$jar" JAVA_OPTS="$heap" "$root/sio-doctor" analyze --format json "$har" >/dev/null 2>&1 || true
jq '.log.entries|length' "$har" >/dev/null
tool_times=()
jq_times=()
tool_cpu=()
jq_cpu=()
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" "$@" >"$out/stdout.txt" 2>"$out/stderr.txt" || true
  # the last line: a run that exits non-zero (analyze exits 1 when it finds a cause) gets a
  # "Command exited with non-zero status" line first
  read -r secs kb user sys < <(tail -n 1 "$out/time.txt")
  # CPU seconds (user + system) beside the wall time: on a loaded machine they move less
  awk -v n="$name" -v s="$secs" -v k="$kb" -v mb="$mb" -v c="$(awk -v u="$user" -v y="$sys" 'BEGIN{print u+y}')" \
    'BEGIN{printf "%-30s %6.2f s  %7.0f MB/s  cpu %5.2f s  peak RSS %5.0f MB\n", n, s, mb/(s>0?s:0.01), c, k/1024}'
  last="$secs"
  last_cpu=$(awk -v u="$user" -v y="$sys" 'BEGIN{print u+y}')
}
for ((i = 1; i <= rounds; i++)); do
  run "sio-doctor $heap" env SIO_DOCTOR_JAR="$jar" JAVA_OPTS="$heap" "$root/sio-doctor" analyze --format json "$har"
  tool_times+=("$last")
  tool_cpu+=("$last_cpu")
  if ! jq -e '.verdict' "$out/stdout.txt" >/dev/null 2>&1; then
    echo "sio-doctor printed no report:" >&2
    head -c 2000 "$out/stderr.txt" >&2
    exit 1
  fi
  run "jq '.log.entries|length'" jq '.log.entries|length' "$har"
  jq_times+=("$last")
  jq_cpu+=("$last_cpu")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
t=$(median "${tool_times[@]}")
j=$(median "${jq_times[@]}")
awk -v t="$t" -v j="$j" -v mb="$mb" -v tc="$(median "${tool_cpu[@]}")" -v jc="$(median "${jq_cpu[@]}")" \
  'BEGIN{printf "median: sio-doctor %.2f s (%.0f MB/s, cpu %.2f s), jq %.2f s (%.0f MB/s, cpu %.2f s): sio-doctor is %.2fx jq\n", t, mb/t, tc, j, mb/j, jc, j/t}'
