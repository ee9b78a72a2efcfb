#!/usr/bin/env bash
# Scan throughput against grep on the same generated night, run alternately.
#
# usage: bench/scan-bench.sh [SIZE_MB (default 2048)] [RUNS (default 3)]
#   BENCH_DIR=/path   where the night is generated (kept between runs; default /tmp/sio-bench)
#   HEAP=1g           the scan's -Xmx (the bound memory must hold for any input size)
#   INDEX=1           also time `sio-doctor index` into a fresh index
#
# The night replays the real lines of sample-captures/ with new sids and times (bench/gen-night.py).
# grep gets the same number of patterns as the tech notes' anchor (3: unknown sid, ping timeout,
# transport close); set PATTERNS='a|b|...' to change them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-2048}"
runs="${2:-3}"
work="${BENCH_DIR:-/tmp/sio-bench}"
heap="${HEAP:-1g}"
patterns="${PATTERNS:-Session ID unknown|ping timeout|transport close}"
night="$work/night-$size_mb"
mkdir -p "$work"
# build the jar when the sources changed, then run a private copy: a rebuild during the runs must not change it
"$root/sio-doctor" --version >/dev/null || echo "build failed; using the jar as it is" >&2
jar="$work/sio-doctor.jar"
cp "$root/analyzer/target/sio-doctor.jar" "$jar"
if [ ! -f "$night.complete" ]; then
  echo "generating a ${size_mb} MB night in $night ..." >&2
  rm -rf "$night" && mkdir -p "$night"
  python3 "$root/bench/gen-night.py" "$root/sample-captures" "$night" "$size_mb"
  touch "$night.complete"
fi
bytes=$(cat "$night"/*.log | wc -c)
lines=$(cat "$night"/*.log | wc -l)
files=$(ls "$night"/*.log | wc -l)
echo "night: $files files, $bytes bytes, $lines lines; $(nproc) cores; java $(java -version 2>&1 | head -1)"
cat "$night"/*.log > /dev/null   # page cache, for both

mbps() { python3 -c "print(round($bytes / 1048576 / $1, 1))"; }

for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/grep.time" grep -c -E "$patterns" "$night"/*.log > "$work/grep.out" || true
  read -r gs grss < <(tail -n 1 "$work/grep.time")
  echo "run $i grep -c -E (3 patterns): $gs s, $(mbps "$gs") MB/s, peak RSS $((grss / 1024)) MB"

  /usr/bin/time -f "%e %M" -o "$work/scan.time" java "-Xmx$heap" -jar "$jar" scan --format json "$night" \
    > "$work/scan.json" 2> "$work/scan.err" || true
  read -r ss srss < <(tail -n 1 "$work/scan.time")
  echo "run $i sio-doctor scan -Xmx$heap: $ss s, $(mbps "$ss") MB/s, peak RSS $((srss / 1024)) MB" \
    "($(python3 -c "print(round(100 * $gs / $ss, 1))") % of grep's speed; the goal is 50 %)"
done
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work on the machine skews both)"

python3 - "$work/scan.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("scan summary: %d files, %d records, %d unreadable; causes:" % (s["files"], s["records"], len(s["unreadable"])))
for c in s["causes"][:8]:
    print("  %-28s sessions %7d  events %8d" % (c["id"], c["sessions"], c["events"]))
PY

if [ "${INDEX:-0}" = "1" ]; then
  rm -rf "$work/index"
  /usr/bin/time -f "%e %M" -o "$work/index.time" java "-Xmx$heap" -jar "$jar" index "$night" --index "$work/index" || true
  read -r is irss < <(tail -n 1 "$work/index.time")
  echo "sio-doctor index -Xmx$heap: $is s, $(python3 -c "print(round($lines / $is))") lines/s, peak RSS $((irss / 1024)) MB, index $(du -sh "$work/index" | cut -f1)"
fi
