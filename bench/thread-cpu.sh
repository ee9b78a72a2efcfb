#!/usr/bin/env bash
# CPU seconds of one `sio-doctor scan` per group of its threads, read from /proc while it runs:
# the reading threads ("scan"), the pool that reads ranges of big logs and analyses chunks
# ("scan-range"), the JIT's compiler threads, the GC, the main thread, and the whole process. On a
# machine shared with other work, where wall times are noise, this shows how the work is spread:
# on N cores a run takes about max(the busiest thread, process CPU / N) plus the start.
#
# usage: bench/thread-cpu.sh FILE_OR_DIR [more scan options, e.g. --threads 3]
#   JAR=/path   scan with that jar (default: this tree's, built when stale)
#   HEAP=1g     the scan's -Xmx
# Threads that end before the process (an idle pool thread after 2 s, a compiler thread the JVM
# stops) count in the process line only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
heap="${HEAP:-1g}"
if [ -z "${JAR:-}" ]; then
  "$root/sio-doctor" --version >/dev/null
  JAR="$root/analyzer/target/sio-doctor.jar"
fi
# the launcher makes the jar's class-data archive on its first run: not in the measured one
SIO_DOCTOR_JAR="$JAR" "$root/sio-doctor" --version >/dev/null 2>&1 || true

target="$1"
shift
SIO_DOCTOR_JAR="$JAR" JAVA_OPTS="-Xmx$heap" "$root/sio-doctor" scan --format json "$@" "$target" >/dev/null 2>&1 &
pid=$!
tick=$(getconf CLK_TCK)
declare -A threads
process=""
# the last reading of each thread (name, user and system ticks: fields 14 and 15 of its stat)
while [ -d "/proc/$pid/task" ]; do
  for stat in /proc/"$pid"/task/*/stat; do
    line=$(cat "$stat" 2>/dev/null) || continue
    tid=${stat%/stat}
    tid=${tid##*/}
    name=${line#*(}
    name=${name%)*}
    rest=${line##*) }
    read -r -a f <<<"$rest"
    threads[$tid]="$name|${f[11]}|${f[12]}"
  done
  if line=$(cat "/proc/$pid/stat" 2>/dev/null); then
    rest=${line##*) }
    read -r -a f <<<"$rest"
    process="${f[11]} ${f[12]}"
  fi
  sleep 0.05
done
wait "$pid" || true
for t in "${threads[@]}"; do echo "$t"; done | awk -F'|' -v tick="$tick" '
  {
    n = $1
    if (n == "scan") g = "reading thread(s) (scan)"
    else if (n == "scan-range") g = "pool (scan-range)"
    else if (n ~ /Compiler/) g = "JIT compiler threads"
    else if (n ~ /GC/) g = "GC threads"
    else if (n == "java") g = "main thread"
    else g = "other threads"
    cpu[g] += ($2 + $3) / tick
  }
  END { for (g in cpu) printf "%-28s %6.2f s\n", g, cpu[g] }' | sort -k1,1
echo "$process" | awk -v tick="$tick" '{ printf "%-28s %6.2f s\n", "process (all threads)", ($1 + $2) / tick }'
