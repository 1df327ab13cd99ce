#!/usr/bin/env bash
# Smoke run of the benchmarks, for CI after the tests: checks that target/benchmarks.jar runs each of the seven
# HotPathBenchmark methods, with its self-checks (every measured signing stored as new, every confirmation
# counted), and writes JMH's JSON. NOT a measurement: one fork, one warmup batch and one measured batch of
# 5,000 calls per method, size 10000 only, one thread, a 1 GiB heap. Well under a minute on 2 cores; fails
# (non-zero) if the jar is missing, a fork fails, a benchmark or a self-check throws (-foe true), or a result
# is missing.
#
#   petition-benchmarks/smoke.sh                      # after: mvn -B verify (or package), which builds the jar
#   SMOKE_JSON=/tmp/smoke.json petition-benchmarks/smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."

jar=petition-benchmarks/target/benchmarks.jar
out=${SMOKE_JSON:-petition-benchmarks/target/smoke.json}
if [ ! -f "$jar" ]; then
  echo "smoke: $jar is missing; build it: mvn -B -pl petition-benchmarks -am package -DskipTests" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
rm -f "$out"

# The timeout only keeps a hung fork from blocking CI; a normal smoke run takes well under a minute.
timeout 600 java -jar "$jar" HotPathBenchmark \
  -p size=10000 -t 1 -f 1 -wi 1 -i 1 -foe true \
  -jvmArgsAppend "-Xms1g -Xmx1g" \
  -rf json -rff "$out"

expected=7
found=$(grep -c '"benchmark" :' "$out" || true)
if [ "$found" -ne "$expected" ]; then
  echo "smoke: expected $expected results in $out, found $found" >&2
  exit 1
fi
echo "smoke: $found benchmarks ran; results in $out"

# The JDBC throughput benchmark too, when a PostgreSQL is at hand (CI starts one): a few seconds, batched.
if [ -n "${PETITION_PG_URL:-}" ]; then
  jdbc_out="$(dirname "$out")/smoke-jdbc.json"
  timeout 300 java -jar "$jar" JdbcThroughputBenchmark \
    -p batchSize=64 -t 8 -f 1 -wi 0 -i 1 -r 3 -foe true \
    -rf json -rff "$jdbc_out"
  grep -q '"benchmark" : "org.petition.benchmarks.JdbcThroughputBenchmark.signAndConfirm"' "$jdbc_out" \
    || { echo "smoke: the JDBC benchmark gave no result" >&2; exit 1; }
  echo "smoke: JdbcThroughputBenchmark ran; result in $jdbc_out"
fi
