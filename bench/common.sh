# Shared by the bench scripts (sourced, not run): the jar under test, the timing of one command and
# the patterns of the grep anchors. Expects $root (the checkout) and $work (where outputs go).

# bench_jar DEST: DEST becomes a private copy of the jar under test (a rebuild during the runs must
# not swap it): $JAR when set (say, an older build), else this tree's, built when its sources
# changed. Its class-data archive is made here, before the timed runs: the launcher makes it on a
# jar's first run, which would otherwise count in run 1.
bench_jar() {
  local dest="$1"
  if [ -n "${JAR:-}" ]; then
    cp "$JAR" "$dest"
  else
    "$root/sio-doctor" --version >/dev/null || echo "build failed; using the jar as it is" >&2
    cp "$root/analyzer/target/sio-doctor.jar" "$dest"
  fi
  SIO_DOCTOR_JAR="$dest" "$root/sio-doctor" --version >/dev/null 2>&1 || true
}

# regex FILE...: the files' lines (plain literals) as one grep -E alternation
regex() { sed -e 's/[].[*^$()+?{}|\\]/\\&/g' "$@" | grep . | paste -sd'|'; }

# timed OUT COMMAND...: prints "seconds peak-RSS-KB cpu-seconds" (user+sys); the command's stdout
# goes to OUT (with stdout on /dev/null GNU grep stops at the first match)
timed() {
  local out="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" > "$out" 2> "$work/stderr.txt" || true
  tail -n 1 "$work/time.txt" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}
mbps() { python3 -c "print(round($1 / 1e6 / max($2, 0.001)))"; }
ratio() { python3 -c "print('%.2f' % ($1 / max($2, 0.001)))"; }

# bench_input KIND SIZE_MB: generates once (kept with a .complete mark, so an interrupted run starts
# over) and prints the path of the benchmark input: KIND one-log is one node's night in a single
# file (gen-big-log.py), KIND night the multi-file night (gen-night.py).
bench_input() {
  local kind="$1" size_mb="$2" path
  case "$kind" in
    one-log) path="$work/one-node-$size_mb.log" ;;
    night) path="$work/night-$size_mb" ;;
    *) echo "bench_input: unknown kind $kind" >&2; return 2 ;;
  esac
  if [ ! -f "$path.complete" ]; then
    echo "generating the ${size_mb} MB $kind input in $path ..." >&2
    if [ "$kind" = one-log ]; then
      python3 "$root/bench/gen-big-log.py" "$root/sample-captures" "$path" "$size_mb" >&2
    else
      rm -rf "$path" && mkdir -p "$path"
      python3 "$root/bench/gen-night.py" "$root/sample-captures" "$path" "$size_mb" >&2
    fi
    touch "$path.complete"
  fi
  echo "$path"
}
