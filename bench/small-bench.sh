#!/usr/bin/env bash
# small-input benchmark: what a user waits for on the most common upload. hyperfine runs, through the
# real launcher, `./sio-doctor analyze HAR` with the class-data sharing archive and without it
# (SIO_DOCTOR_CDS=off), `./sio-doctor --version` (the launcher and JVM start alone) and a bare
# `java -Xshare:auto -version` (the floor), in alternating blocks, and prints median, min and
# mean wall time, user+system CPU and peak RSS per command side by side.
# usage: bench/small-bench.sh [RUNS] [HAR]
#   RUNS (default 10) runs per command, in two alternating blocks; HAR defaults to the 0.5 MB sample
#   capture sample-captures/sticky-session-missing--python-two-workers/capture.har (the issue 15
#   target: analyze ≤ 0.25 s, median of 10). SIO_DOCTOR_JAR=path measures that jar instead.
# needs hyperfine, python3 and /usr/bin/time; builds the jar (and its archive) first if needed
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
har="${2:-$root/sample-captures/sticky-session-missing--python-two-workers/capture.har}"
out="$root/bench/out"
mkdir -p "$out"
[ -f "$har" ] || { echo "small-bench: no such HAR: $har" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "small-bench: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 2; }
launcher="$root/sio-doctor"
# build the jar and make the archive now, not inside a timed run
"$launcher" --version >/dev/null
"$launcher" analyze "$har" >/dev/null 2>&1 || true
echo "input: $har ($(( $(stat -L -c %s "$har") / 1024 )) KB); $runs runs per command; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

names=("analyze, archive on" "analyze, SIO_DOCTOR_CDS=off" "--version" "java -Xshare:auto -version")
cmds=("env SIO_DOCTOR_CDS=on $launcher analyze $har"
      "env SIO_DOCTOR_CDS=off $launcher analyze $har"
      "$launcher --version"
      "java -Xshare:auto -version")
half=$(( (runs + 1) / 2 ))
rm -f "$out"/small-*.json
for block in 1 2; do
  n=$half
  [ "$block" = 2 ] && n=$(( runs - half ))
  [ "$n" -gt 0 ] || continue
  for i in "${!cmds[@]}"; do
    # -N: no shell in between; -i: analyze exits 1 when it finds a cause
    hyperfine -N -i -w 1 -r "$n" --export-json "$out/small-$i-$block.json" "${cmds[$i]}" >/dev/null 2>&1
  done
done
for i in "${!cmds[@]}"; do
  # shellcheck disable=SC2086
  /usr/bin/time -f "%M" -o "$out/small-rss-$i.txt" ${cmds[$i]} >/dev/null 2>&1 || true
done
python3 - "$out" "${names[@]}" <<'EOF'
import json, statistics, sys, glob
out, names = sys.argv[1], sys.argv[2:]
print(f"{'command':30} {'median':>9} {'min':>9} {'mean':>9} {'CPU (u+s)':>10} {'peak RSS':>9}")
for i, name in enumerate(names):
    times, cpu = [], []
    for f in sorted(glob.glob(f"{out}/small-{i}-*.json")):
        r = json.load(open(f))["results"][0]
        times += r["times"]
        cpu.append((r["user"] + r["system"], len(r["times"])))
    c = sum(v * n for v, n in cpu) / sum(n for _, n in cpu)
    rss = open(f"{out}/small-rss-{i}.txt").read().split()[-1]
    print(f"{name:30} {statistics.median(times)*1000:7.0f}ms {min(times)*1000:7.0f}ms "
          f"{statistics.mean(times)*1000:7.0f}ms {c*1000:8.0f}ms {int(rss)/1024:7.0f}MB")
EOF
