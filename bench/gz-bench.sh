#!/usr/bin/env bash
# Scan of ONE big gzip-compressed log against zcat | grep, alternately on the same files in page cache.
# The log is bench/gen-big-log.py's one node's night (as bench/log-bench.sh); it is compressed two ways:
#   - members: one gzip member per 8 MB of log (what `pigz -i`, bgzip or `cat a.gz b.gz` give;
#     built with python's gzip module, level 6), scanned twice: "members" as the scan reads it by
#     default (the parallel member reader with more than 2 cores, the sequential read on 2), and
#     "members+p" with the parallel member reader on whatever the cores (-Dsio.gzip.parallel=true);
#   - single:  one member (`gzip -6`), which only one core can inflate (the sequential read).
# Each run prints, per side, wall seconds, CPU seconds (user+sys) and peak RSS (/usr/bin/time
# '%e %U %S %M'), and the ratio anchor time / scan time (>= 1.0: the scan is at least as fast).
# The anchor is `zcat FILE | grep -c -E` with the 8 failure patterns of bench/failure-patterns.txt.
#
# usage: bench/gz-bench.sh [SIZE_MB (default 1024)] [RUNS (default 3)]
#   BENCH_DIR=/path   where the inputs are generated and kept (default bench/out, not committed)
#   HEAP=1g           the scan's -Xmx
#   JAR=/path         scan with that jar instead of building this tree's
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-1024}"
runs="${2:-3}"
work="${BENCH_DIR:-$root/bench/out}"
heap="${HEAP:-1g}"
mkdir -p "$work"

. "$root/bench/common.sh"
jar="$work/sio-doctor-gz.jar"
bench_jar "$jar"

one=$(bench_input one-log "$size_mb")
members="$work/one-node-$size_mb.members.log.gz"
if [ ! -f "$members.complete" ]; then
  echo "compressing $one into 8 MB members ..." >&2
  python3 - "$one" "$members" <<'PY'
import gzip, sys
with open(sys.argv[1], 'rb') as src, open(sys.argv[2], 'wb') as out:
    while True:
        chunk = src.read(8 << 20)
        if not chunk:
            break
        out.write(gzip.compress(chunk, compresslevel=6, mtime=0))
PY
  touch "$members.complete"
fi
single="$work/one-node-$size_mb.single.log.gz"
if [ ! -f "$single.complete" ]; then
  echo "compressing $one into one member ..." >&2
  gzip -6 -c "$one" > "$single"
  touch "$single.complete"
fi

p8=$(regex "$root/bench/failure-patterns.txt")
n8=$(grep -c . "$root/bench/failure-patterns.txt")
log_bytes=$(stat -c %s "$one")
echo "log: $one, $log_bytes bytes; members: $(stat -c %s "$members") bytes; single: $(stat -c %s "$single") bytes;" \
  "$(nproc) cores; java $(java -version 2>&1 | head -1)"

ratios_members=""
ratios_parallel=""
ratios_single=""
export P8="$p8"

for i in $(seq 1 "$runs"); do
  for kind in members members+p single; do
    f="$members"; [ "$kind" = single ] && f="$single"
    opts="-Xmx$heap"; [ "$kind" = members+p ] && opts="$opts -Dsio.gzip.parallel=true"
    cat "$f" > /dev/null   # page cache, for both
    read -r gs grss gcpu < <(timed "$work/zgrep.out" sh -c 'zcat "$1" | grep -c -E "$P8"' sh "$f")
    read -r ss srss scpu < <(SIO_DOCTOR_JAR="$jar" JAVA_OPTS="$opts" timed "$work/scan-gz-$kind.json" \
      "$root/sio-doctor" scan --format json "$f")
    r=$(ratio "$gs" "$ss")
    case "$kind" in
      members) ratios_members="$ratios_members $r" ;;
      members+p) ratios_parallel="$ratios_parallel $r" ;;
      *) ratios_single="$ratios_single $r" ;;
    esac
    printf 'run %s %-10s zcat|grep -c -E (%s patterns) %s s %s MB/s CPU %s s RSS %s MB | sio-doctor scan -Xmx%s %s s %s MB/s CPU %s s RSS %s MB | ratio %s\n' \
      "$i" "$kind:" "$n8" "$gs" "$(mbps "$log_bytes" "$gs")" "$gcpu" "$((grss / 1024))" \
      "$heap" "$ss" "$(mbps "$log_bytes" "$ss")" "$scpu" "$((srss / 1024))" "$r"
  done
done
echo "ratio (zcat|grep)/scan, 8 MB members, default:  $ratios_members"
echo "ratio (zcat|grep)/scan, 8 MB members, parallel: $ratios_parallel"
echo "ratio (zcat|grep)/scan, one member:             $ratios_single"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work on the machine skews both)"
# the two scans must agree: same records and causes whatever the compression
python3 - "$work/scan-gz-members+p.json" "$work/scan-gz-single.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
def key(s):
    return (s["records"], len(s["unreadable"]), [(c["id"], c["events"]) for c in s["causes"]])
print("members scan (parallel): %d records, %d unreadable; causes: %s" % (a["records"], len(a["unreadable"]),
      ", ".join("%s %d" % (c["id"], c["events"]) for c in a["causes"][:8])))
print("same records and causes as the one-member scan: %s" % (key(a) == key(b)))
PY
