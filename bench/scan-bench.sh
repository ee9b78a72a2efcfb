#!/usr/bin/env bash
# Scan throughput against grep on the same generated night, run alternately.
#
# usage: bench/scan-bench.sh [SIZE_MB (default 2048)] [RUNS (default 3)]
#   BENCH_DIR=/path   where the night is generated (kept between runs; default bench/out, not committed)
#   HEAP=1g           the scan's -Xmx (the bound memory must hold for any input size)
#   INDEX=1           also time `sio-doctor index` into a fresh index
#
# The night replays the real lines of sample-captures/ with new sids and times (bench/gen-night.py).
# grep runs twice: with as many patterns as the scan's parsers recognise message formats in these
# files (bench/debug-patterns.txt: the engine.io/socket.io debug formats; bench/nginx-patterns.txt:
# the access-log request path and the nginx error formats; literals, the fastest case for grep), and
# with the tech notes' 3-pattern anchor (unknown sid, ping timeout, transport close).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-2048}"
runs="${2:-3}"
work="${BENCH_DIR:-$root/bench/out}"
heap="${HEAP:-1g}"
patterns3="Session ID unknown|ping timeout|transport close"
mkdir -p "$work"
. "$root/bench/common.sh"
patterns=$(regex "$root/bench/debug-patterns.txt" "$root/bench/nginx-patterns.txt")
npatterns=$(cat "$root/bench/debug-patterns.txt" "$root/bench/nginx-patterns.txt" | grep -c .)
jar="$work/sio-doctor.jar"
bench_jar "$jar"
night=$(bench_input night "$size_mb")
bytes=$(cat "$night"/*.log | wc -c)
lines=$(cat "$night"/*.log | wc -l)
files=$(ls "$night"/*.log | wc -l)
echo "night: $files files, $bytes bytes, $lines lines; $(nproc) cores; java $(java -version 2>&1 | head -1)"
cat "$night"/*.log > /dev/null   # page cache, for both

mbps() { python3 -c "print(round($bytes / 1048576 / $1, 1))"; }
# CPU seconds, user + system: less disturbed than wall time when other work shares the cores
cpu() { python3 -c "print('%.2f' % ($1 + $2))"; }

# grep's output goes to a file: with stdout on /dev/null GNU grep stops at the first match
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %M %U %S" -o "$work/grep.time" grep -c -E "$patterns" "$night"/*.log > "$work/grep.out" || true
  read -r gs grss gu gsys < <(tail -n 1 "$work/grep.time")
  echo "run $i grep -c -E ($npatterns patterns): $gs s, $(mbps "$gs") MB/s, CPU $(cpu "$gu" "$gsys") s, peak RSS $((grss / 1024)) MB"
  /usr/bin/time -f "%e %M" -o "$work/grep3.time" grep -c -E "$patterns3" "$night"/*.log > "$work/grep3.out" || true
  read -r g3s g3rss < <(tail -n 1 "$work/grep3.time")
  echo "run $i grep -c -E (3 patterns): $g3s s, $(mbps "$g3s") MB/s"

  # through the launcher, with its JVM flags, as a user runs it (SIO_DOCTOR_JAR: this copy, no build)
  SIO_DOCTOR_JAR="$jar" JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%e %M %U %S" -o "$work/scan.time" "$root/sio-doctor" scan --format json "$night" \
    > "$work/scan.json" 2> "$work/scan.err" || true
  read -r ss srss su ssys < <(tail -n 1 "$work/scan.time")
  echo "run $i sio-doctor scan -Xmx$heap: $ss s, $(mbps "$ss") MB/s, CPU $(cpu "$su" "$ssys") s, peak RSS $((srss / 1024)) MB" \
    "($(python3 -c "print(round(100 * $gs / $ss))") % of grep's speed with $npatterns patterns, the goal is 50 %;" \
    "$(python3 -c "print(round(100 * $g3s / $ss))") % of grep with 3)"
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
  SIO_DOCTOR_JAR="$jar" JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%e %M" -o "$work/index.time" "$root/sio-doctor" index "$night" --index "$work/index" || true
  read -r is irss < <(tail -n 1 "$work/index.time")
  echo "sio-doctor index -Xmx$heap: $is s, $(python3 -c "print(round($lines / $is))") lines/s, peak RSS $((irss / 1024)) MB, index $(du -sh "$work/index" | cut -f1)"
fi
