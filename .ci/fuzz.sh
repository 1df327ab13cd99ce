#!/usr/bin/env bash
# Fuzzes every Jazzer target (the @FuzzTest methods) for a while each, one JVM per target (libFuzzer fuzzes one
# target per process), with Jazzer's standalone driver over the classes that `mvn verify` (or test-compile) built.
# Regression mode over the committed seeds runs in `mvn verify` itself; this is the fuzzing burst.
#
#   .ci/fuzz.sh [seconds per target, default 4] [more libFuzzer flags, e.g. -runs=2000000]
#   FUZZ_JOBS=2 (targets at a time), FUZZ_ONLY=regex (targets to run), FUZZ_OUT=dir, FUZZ_TIMEOUT=s
#
# Each target starts from its committed seeds (src/test/resources/.../<Class>Inputs/<method>) and the corpus it
# grew before (.cifuzz-corpus/, not committed). An input slower than FUZZ_TIMEOUT seconds (default 10) is a hang,
# an exception other than the target's own verdicts a crash: either fails the run, and the input is kept in
# target/fuzz/ (copy it into the target's Inputs directory: it becomes a regression test). Prints, per target,
# the executions, the seconds and the slowest input; target/fuzz/summary.tsv keeps them.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-4}
shift || true
timeout=${FUZZ_TIMEOUT:-10}
out=${FUZZ_OUT:-target/fuzz}
mkdir -p "$out"
rm -f "$out"/*.tsv

# Every @FuzzTest method, as module:class:method.
targets=(
  petition-core:org.petition.fuzz.EmailFuzzTest:validationIsAVerdictAndCanonicalisationAFixedPoint
  petition-core:org.petition.fuzz.PhoneFuzzTest:normalisingIsAVerdict
  petition-core:org.petition.fuzz.NameFuzzTest:normalisingIsAVerdictAndAFixedPoint
  petition-core:org.petition.fuzz.NameFuzzTest:skeletonOfAnyTextNeverThrows
  petition-core:org.petition.fuzz.ContentAndMojibakeFuzzTest:contentCheckIsAVerdict
  petition-core:org.petition.fuzz.ContentAndMojibakeFuzzTest:mojibakeRepairShortensToWellFormedText
  petition-core:org.petition.fuzz.TokenFuzzTest:anyTextIsAVerdict
  petition-core:org.petition.fuzz.TokenFuzzTest:aChangedGenuineTokenIsInvalid
  petition-core:org.petition.fuzz.PageCursorFuzzTest:decodeIsANumberOrARefusal
  petition-core:org.petition.fuzz.FormTokenFuzzTest:anyTokenIsAVerdict
  petition-spring-starter:org.petition.spring.web.SigningRequestFuzzTest:anyBodyIsAnsweredWithADocumentedStatus
  petition-spring-starter:org.petition.spring.web.ForwardedForFuzzTest:theClientIsThePeerOrAParsedAddress
)
if [ -n "${FUZZ_ONLY:-}" ]; then
  mapfile -t targets < <(printf '%s\n' "${targets[@]}" | grep -E "$FUZZ_ONLY")
fi

# Test class paths; the starter's own petition-core is this build's classes, not a jar from ~/.m2.
offline=()
if [ -z "${CI:-}" ]; then offline=(-o); fi
mvn -q -B "${offline[@]}" -pl petition-core,petition-spring-starter dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.cp >/dev/null
core_classes=petition-core/target/test-classes:petition-core/target/classes
classpath() {
  local module=$1 deps
  deps=$(tr ':' '\n' < "$module/target/fuzz.cp" | grep -v '/org/petition/' | paste -sd: -)
  if [ "$module" = petition-core ]; then
    echo "$core_classes:$deps"
  else
    echo "$module/target/test-classes:$module/target/classes:$core_classes:$deps"
  fi
}

# Coverage of our code and of the parsers it calls; not of ICU (large: its instrumentation alone takes minutes).
instrument='org.petition.**:com.google.i18n.phonenumbers.**:org.apache.commons.validator.**:tools.jackson.core.**'

# One target: its summary line goes to $out/<Class>.<method>.tsv.
fuzz_target() {
  local module class method log start rc elapsed runs slowest result
  IFS=: read -r module class method <<< "$1"
  log="$out/${class##*.}.$method.log"
  start=$(date +%s)
  set +e
  java -Xmx1g -Xss8m -XX:+UseSerialGC -cp "$(classpath "$module")" com.code_intelligence.jazzer.Jazzer \
      --target_class="$class" --target_method="$method" \
      --instrumentation_includes="$instrument" --custom_hook_includes="$instrument" \
      -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=3072 -report_slow_units=1 \
      -artifact_prefix="$out/" -print_final_stats=1 "${flags[@]}" > "$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  runs=$(grep -oE '^Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' | tail -1 || true)
  slowest=$(grep -oE 'Slowest unit: [0-9]+ s' "$log" | grep -oE '[0-9]+' | sort -n | tail -1 || true)
  result=ok
  if [ "$rc" -ne 0 ] || [ -z "$runs" ]; then
    result="FAILED (exit $rc, see $log)"
    grep -E 'Exception|Error|timeout|Test unit written' "$log" | head -20 || true
  fi
  printf '%s.%s\t%s\t%s\t%s\t%s\n' "${class##*.}" "$method" "${runs:-0}" "$elapsed" "${slowest:-<1}" "$result" \
      | tee "$out/${class##*.}.$method.tsv"
}

# FUZZ_JOBS targets at a time (default 2, the cores of CI's machine): a JVM's start is mostly one thread.
flags=("$@")
began=$(date +%s)
for target in "${targets[@]}"; do
  fuzz_target "$target" &
  while [ "$(jobs -rp | wc -l)" -ge "${FUZZ_JOBS:-2}" ]; do wait -n || true; done
done
wait
printf 'target\texecutions\tseconds\tslowest_input_s\tresult\n' > "$out/summary.tsv"
failed=0
total=0
for target in "${targets[@]}"; do
  IFS=: read -r _ class method <<< "$target"
  line=$(cat "$out/${class##*.}.$method.tsv" 2>/dev/null || printf '%s.%s\t0\t0\t-\tFAILED (no result)' "${class##*.}" "$method")
  echo "$line" >> "$out/summary.tsv"
  total=$((total + $(cut -f2 <<< "$line")))
  if [[ "$(cut -f5 <<< "$line")" != ok ]]; then failed=$((failed + 1)); fi
done
echo "fuzzing: ${#targets[@]} targets, $total executions, $failed failed, $(( $(date +%s) - began )) s"
[ "$failed" -eq 0 ]
