#!/usr/bin/env bash
# Log benchmark: parse a ~1 GB engine.io/socket.io debug log (real recorded lines replayed with new
# sids and times) with the debug-log parser, alternating with `grep -c -E` over the same file with
# as many patterns as the parser recognises message formats (bench/debug-patterns.txt), three times
# each. Prints seconds and MB/s per run.
# usage: bench/parse-bench.sh [SIZE_MB] [mixed|debug]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-1000}"
mode="${2:-debug}"
out="$root/bench/out"
mkdir -p "$out"
(cd "$root" && mvn -B -q -o -pl parsers test-compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null)
cp="$root/parsers/target/classes:$root/parsers/target/test-classes:$(cat "$out/cp.txt")"
log="$out/$mode-$size.log"
[ -f "$log" ] || java -cp "$cp" io.siodoctor.parsers.logs.LogGenerator "$log" "$size" "$mode"
mb=$(awk -v b="$(stat -c %s "$log")" 'BEGIN{printf "%.0f", b/1000000}')
patterns=$(grep -c . "$root/bench/debug-patterns.txt")
regex=$(sed -e 's/[].[*^$()+?{}|\\]/\\&/g' "$root/bench/debug-patterns.txt" | paste -sd'|')
echo "file: $log ($mb MB), $patterns patterns"
for i in 1 2 3; do
  s=$( { /usr/bin/time -f %e java -Xmx256m -cp "$cp" io.siodoctor.parsers.logs.LogParseBench "$log" engineio-debug 1 >/dev/null; } 2>&1 | tail -1)
  awk -v s="$s" -v mb="$mb" 'BEGIN{printf "sio-doctor parse (JVM incl.)  %6.2f s  %6.0f MB/s\n", s, mb/s}'
  g=$( { /usr/bin/time -f %e grep -c -E "$regex" "$log" >"$out/grep-count.txt"; } 2>&1 | tail -1)
  awk -v s="$g" -v mb="$mb" -v n="$patterns" 'BEGIN{printf "grep -c -E (%d patterns)     %6.2f s  %6.0f MB/s\n", n, s, mb/s}'
done
