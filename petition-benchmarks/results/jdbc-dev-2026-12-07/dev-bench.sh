#!/usr/bin/env bash
# Development comparison (issue 17 item 5, issue 19 item 6): jdbc-bench.sh's server and per-run accounting,
# shorter runs (3 x 5 s warm-up, 3 x 5 s measured), the branch's jar and the previous main's (BASELINE_JAR)
# alternately on one server. Usage: BASELINE_JAR=/tmp/jdbc-base.jar dev-bench.sh THREADS [LOG...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
export PETITION_PG_EXTRA_CONF=$'shared_buffers = 2GB\nmax_wal_size = 8GB\ncheckpoint_timeout = 30min\nwal_buffers = 64MB\nshared_preload_libraries = \'pg_stat_statements\''
# shellcheck source=/dev/null
source .ci/postgres.sh
out=petition-benchmarks/results/jdbc-dev-2026-12-07
port=$(echo "$PETITION_PG_URL" | sed -E 's#.*:([0-9]+)/.*#\1#')
pg=(-h 127.0.0.1 -p "$port" -U "$PETITION_PG_USER")
psql "${pg[@]}" -d petition -q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
threads=$1
shift
run() { # name, jar, JMH arguments...
  local run="$1" jar="$2"
  shift 2
  psql "${pg[@]}" -d petition -q -c "DROP SCHEMA IF EXISTS petition_benchmark CASCADE; SELECT pg_stat_statements_reset();" >/dev/null
  psql "${pg[@]}" -d petition -q -c "CHECKPOINT" >/dev/null
  {
    echo "# command: java -jar $jar JdbcThroughputBenchmark $*"
    echo "# date: $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -jar "$jar" JdbcThroughputBenchmark "$@" 2>&1 | grep -v '^SLF4J' | grep -E "^(# (Param|Threads)|Iteration|Result|Benchmark|JdbcThroughput|elapsed|signings|confirmations|near)" || true
    echo "# end: $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
  } | tee "$out/$run.txt"
  psql "${pg[@]}" -d petition -c "SELECT calls, round(total_exec_time::numeric) AS total_ms,
      round(mean_exec_time::numeric, 3) AS mean_ms, rows,
      left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
    FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY calls DESC LIMIT 25" \
    -c "SELECT sum(calls) AS statements, round(sum(total_exec_time)::numeric) AS server_ms,
      (SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'signature' AND schemaname = 'petition_benchmark')
        AS signatures FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'" | tee "$out/$run-statements.txt"
}
common=(-t "$threads" -wi 3 -w 5 -i 3 -r 5 -f 1 -p batchSize=64 -p city=true -p sharedLimits=true)
for log in "${@:-true}"; do
  run "base-t$threads-log-$log" "$BASELINE_JAR" "${common[@]}" -p transparencyLog="$log"
  run "branch-t$threads-log-$log" "${BRANCH_JAR:-petition-benchmarks/target/benchmarks.jar}" "${common[@]}" -p transparencyLog="$log"
done
eval "$PETITION_PG_STOP"
