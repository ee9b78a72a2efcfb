#!/usr/bin/env bash
# Log scan against grep, alternately on the same files in page cache:
#  1. ONE big log: a node's night of engine.io/socket.io debug output with the nginx access and
#     error lines of its proxy interleaved (bench/gen-big-log.py: real recorded lines of
#     sample-captures/ replayed with new sids and times), `sio-doctor scan --format json FILE` against
#     `grep -c -E` with the 8 failure patterns of bench/failure-patterns.txt;
#  2. the multi-file night of bench/gen-night.py (as bench/scan-bench.sh), `scan` of the folder against
#     `grep -c -E` with the 40 message formats the parsers recognise (debug-patterns + nginx-patterns).
# Each run prints both sides (seconds, MB/s, CPU seconds user+sys and peak RSS from /usr/bin/time)
# and the ratio grep time / scan time (>= 1.0: the scan is at least as fast as grep). CPU seconds are
# less disturbed than wall time when other work shares the cores.
#
# usage: bench/log-bench.sh [SIZE_MB (default 1024)] [RUNS (default 3)] [NIGHT_MB (default SIZE_MB; 0: no night)]
#   BENCH_DIR=/path   where the inputs are generated and kept (default bench/out, not committed)
#   HEAP=1g           the scan's -Xmx
#   JAR=/path         scan with that jar (say, an older build) instead of building this tree's
#   SCAN_ARGS="..."   more scan options (say --threads 3), for comparisons
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-1024}"
runs="${2:-3}"
night_mb="${3:-$size_mb}"
work="${BENCH_DIR:-$root/bench/out}"
heap="${HEAP:-1g}"
mkdir -p "$work"

. "$root/bench/common.sh"
jar="$work/sio-doctor.jar"
bench_jar "$jar"
# shellcheck disable=SC2206
scan_args=(${SCAN_ARGS:-})

one=$(bench_input one-log "$size_mb")
night="$work/night-$night_mb"
if [ "$night_mb" != 0 ]; then
  night=$(bench_input night "$night_mb")
fi

p8=$(regex "$root/bench/failure-patterns.txt")
n8=$(grep -c . "$root/bench/failure-patterns.txt")
p40=$(regex "$root/bench/debug-patterns.txt" "$root/bench/nginx-patterns.txt")
n40=$(cat "$root/bench/debug-patterns.txt" "$root/bench/nginx-patterns.txt" | grep -c .)

one_bytes=$(stat -c %s "$one")
echo "one log: $one, $one_bytes bytes, $(wc -l < "$one") lines; $(nproc) cores; java $(java -version 2>&1 | head -1)"
if [ "$night_mb" != 0 ]; then
  night_bytes=$(cat "$night"/*.log | wc -c)
  echo "night: $night, $(ls "$night"/*.log | wc -l) files, $night_bytes bytes"
fi

ratios_one=""
ratios_night=""

for i in $(seq 1 "$runs"); do
  cat "$one" > /dev/null   # page cache, for both
  read -r gs grss gcpu < <(timed "$work/grep.out" grep -c -E "$p8" "$one")
  read -r ss srss scpu < <(SIO_DOCTOR_JAR="$jar" JAVA_OPTS="-Xmx$heap" timed "$work/scan-one.json" "$root/sio-doctor" scan --format json "${scan_args[@]}" "$one")
  r=$(ratio "$gs" "$ss"); ratios_one="$ratios_one $r"
  echo "run $i one log:  grep -c -E ($n8 patterns) $gs s $(mbps "$one_bytes" "$gs") MB/s CPU $gcpu s RSS $((grss / 1024)) MB" \
    "| sio-doctor scan -Xmx$heap $ss s $(mbps "$one_bytes" "$ss") MB/s CPU $scpu s RSS $((srss / 1024)) MB | ratio $r"
  if [ "$night_mb" != 0 ]; then
    cat "$night"/*.log > /dev/null
    read -r gs grss gcpu < <(timed "$work/grep40.out" grep -c -E "$p40" "$night"/*.log)
    read -r ss srss scpu < <(SIO_DOCTOR_JAR="$jar" JAVA_OPTS="-Xmx$heap" timed "$work/scan-night.json" "$root/sio-doctor" scan --format json "${scan_args[@]}" "$night")
    r=$(ratio "$gs" "$ss"); ratios_night="$ratios_night $r"
    echo "run $i night:    grep -c -E ($n40 patterns) $gs s $(mbps "$night_bytes" "$gs") MB/s CPU $gcpu s RSS $((grss / 1024)) MB" \
      "| sio-doctor scan -Xmx$heap $ss s $(mbps "$night_bytes" "$ss") MB/s CPU $scpu s RSS $((srss / 1024)) MB | ratio $r"
  fi
done
echo "ratio grep/scan, one log ($n8 patterns):$ratios_one (goal >= 1.0)"
[ "$night_mb" != 0 ] && echo "ratio grep/scan, night ($n40 patterns):$ratios_night (goal >= 1.0)"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work on the machine skews both)"
python3 - "$work/scan-one.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("one-log scan: %d records, %d unreadable; causes: %s" % (s["records"], len(s["unreadable"]),
      ", ".join("%s %d" % (c["id"], c["events"]) for c in s["causes"][:8])))
PY
