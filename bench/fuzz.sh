#!/usr/bin/env bash
# A bounded coverage-guided fuzz campaign over every fuzz target of issue 12 (Jazzer, libFuzzer
# underneath), seeded from sample-captures/. Prints executions and findings per target and in total.
#
#   bench/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]       default: 120 s, every target
#   MAX_LEN=1024 bench/fuzz.sh ...                      longest input libFuzzer makes (default 16384)
#
# Targets: har logs engineIo masker (parsers), sanitizer renderers (analyzer). Each runs in its own
# JVM at -Xmx256m with libFuzzer's -timeout=2 (an input over 2 s is a finding). A finding is written
# into the target's inputs directory under src/test/resources, where `mvn verify` replays it as a
# regression test from then on: commit it with the fix. The generated corpus stays in bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-120}
shift || true
ALL=(har logs engineIo masker sanitizer renderers)
TARGETS=("${@:-${ALL[@]}}")
OUT=bench/out/fuzz
mkdir -p "$OUT"

echo "building test classes..." >&2
mvn -B -q -pl parsers,rules,analyzer -am -DskipTests test-compile >&2
for m in parsers analyzer; do
  mvn -B -q -pl "$m" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$OUT/$m.cp" >&2
done
CP_parsers="parsers/target/test-classes:parsers/target/classes:$(cat "$OUT/parsers.cp")"
CP_analyzer="analyzer/target/test-classes:analyzer/target/classes:rules/target/classes:parsers/target/classes:$(cat "$OUT/analyzer.cp")"

module_of() { case "$1" in sanitizer|renderers) echo analyzer ;; *) echo parsers ;; esac; }
class_of() { case "$1" in sanitizer|renderers) echo io.siodoctor.analyzer.fuzz.AnalyzerFuzzTest ;; *) echo io.siodoctor.parsers.fuzz.ParsersFuzzTest ;; esac; }
seeds_of() {
  case "$1" in
    logs) find sample-captures -path '*node_modules*' -prune -o -type f -name '*.log' -print ;;
    har|sanitizer|renderers) find sample-captures -path '*node_modules*' -prune -o -type f -name '*.har' -print ;;
    *) find sample-captures -path '*node_modules*' -prune -o -type f \( -name '*.har' -o -name '*.log' \) -print ;;
  esac
}

total_runs=0
total_findings=0
printf '%-10s %12s %8s %10s %9s\n' target executions exec/s new-units findings
for t in "${TARGETS[@]}"; do
  module=$(module_of "$t")
  class=$(class_of "$t")
  cp_var="CP_$module"
  corpus="$OUT/corpus/$t"
  inputs="$module/src/test/resources/$(echo "$class" | sed 's/\.[^.]*$//; s/\./\//g')/$(basename "${class//.//}")Inputs/$t"
  mkdir -p "$corpus" "$inputs"
  if [ -z "$(ls -A "$corpus")" ]; then
    seeds_of "$t" | while read -r f; do cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"; done
  fi
  before=$(ls "$inputs" | wc -l)
  log="$OUT/$t.log"
  set +e
  java -Xmx256m -Dsio.repo.root="$PWD" -cp "${!cp_var}" com.code_intelligence.jazzer.Jazzer \
    --target_class="$class" --target_method="$t" --instrumentation_includes='io.siodoctor.**' \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=2 -max_len="${MAX_LEN:-16384}" -print_final_stats=1 \
    -artifact_prefix="$inputs/" "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
  speed=$(grep -a 'stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -1)
  added=$(grep -a 'stat::new_units_added' "$log" | awk '{print $2}' | tail -1)
  after=$(ls "$inputs" | wc -l)
  findings=$((after - before))
  if [ "$rc" -ne 0 ] && [ "$findings" -eq 0 ]; then findings=1; fi
  [ "$after" -eq 0 ] && rmdir "$inputs" 2>/dev/null || true
  printf '%-10s %12s %8s %10s %9s\n' "$t" "${runs:-0}" "${speed:-0}" "${added:-0}" "$findings"
  total_runs=$((total_runs + ${runs:-0}))
  total_findings=$((total_findings + findings))
  if [ "$findings" -gt 0 ]; then
    echo "  finding(s) in $inputs (log: $log):" && grep -a -m3 -E 'Exception|Error|==.*ERROR|timeout' "$log" | sed 's/^/    /'
  fi
done
echo "total: $total_runs executions, $total_findings findings, ${#TARGETS[@]} targets x ${SECONDS_PER_TARGET} s"
[ "$total_findings" -eq 0 ]
