#!/usr/bin/env bash
# Signatures per second through the JDBC store on PostgreSQL, beside pgbench's simple-insert rate measured on
# the same server in the same script (so the ratio holds on a noisy machine). Starts a throw-away PostgreSQL
# with .ci/postgres.sh (fsync off, 127.0.0.1). Writes results/jdbc-pgbench.txt, and per run (see below)
# results/jdbc-<run>.txt, .json and -statements.txt. Takes about nine minutes, twelve with BASELINE_JAR.
# Run from anywhere after building the benchmarks jar (no install needed):
#   mvn -q -o -pl petition-benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true
set -euo pipefail
cd "$(dirname "$0")/.."
# A production-like server for both measurements (the test server's 64 MB of shared buffers would have every
# run writing pages out): memory for the working set, and checkpoints rare enough not to land in a run.
# pg_stat_statements says where the server's time went (results/jdbc-*-statements.txt).
export PETITION_PG_EXTRA_CONF=$'shared_buffers = 2GB\nmax_wal_size = 8GB\ncheckpoint_timeout = 30min\nwal_buffers = 64MB\nshared_preload_libraries = \'pg_stat_statements\''
# shellcheck source=/dev/null
source .ci/postgres.sh
out=petition-benchmarks/results
mkdir -p "$out"
port=$(echo "$PETITION_PG_URL" | sed -E 's#.*:([0-9]+)/.*#\1#')
pg=(-h 127.0.0.1 -p "$port" -U "$PETITION_PG_USER")

psql "${pg[@]}" -d petition -q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

# The baseline: single-row INSERTs in autocommit, 8 clients (the benchmark's pool size), 20 s.
psql "${pg[@]}" -d petition -q -c "DROP TABLE IF EXISTS pgbench_insert; CREATE TABLE pgbench_insert (id bigserial PRIMARY KEY, v int, at timestamptz DEFAULT now())"
script=$(mktemp)
echo 'INSERT INTO pgbench_insert (v) VALUES (1);' > "$script"
{
  echo "# command: pgbench -h 127.0.0.1 -p PORT -U $PETITION_PG_USER -n -c 8 -j 2 -T 20 -f insert.sql petition"
  echo "# insert.sql: $(cat "$script")"
  echo "# server: fsync off, full_page_writes off, $(echo "$PETITION_PG_EXTRA_CONF" | paste -sd, -)"
  echo "# date: $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
  pgbench "${pg[@]}" -n -c 8 -j 2 -T 20 -f "$script" petition 2>&1
} | tee "$out/jdbc-pgbench.txt"
rm -f "$script"

# The store under two offered loads (32 and 64 concurrent requests, as a web server's worker threads would
# bring), group commit on (batchSize=64), signers giving a city (so each signing also reads for
# near-duplicates), the shared limits on (each signing's rate-limit and surge states in PostgreSQL, as several
# instances need): with the transparency log on (the defaults an application gets) and off, so the log's cost
# (issue 19: at most 10 %) is the ratio of two runs on one server. Each run on an empty schema of its own, so
# none measures on what another left; after each, where the server spent its time (pg_stat_statements: calls,
# i.e. round trips' statements, and time per statement) and how many confirming updates were heap-only.
# BASELINE_JAR (optional): a benchmarks.jar of an earlier commit (the previous main), run the same way (log on)
# after the others, so a change is measured against its predecessor on one server.
# Six runs of about 85 s (6 x 5 s warm-up, 5 x 5 s measured, about 30 s for the JVM's start, the schema's migration
# and the set-up), eight with BASELINE_JAR: about twelve minutes in all with pgbench (checked with JMH_EXTRA).
run() { # name, jar, JMH arguments...
  local run="$1" jar="$2"
  shift 2
  psql "${pg[@]}" -d petition -q -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS petition_benchmark CASCADE;
      CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();" >/dev/null
  psql "${pg[@]}" -d petition -q -c "CHECKPOINT" >/dev/null
  {
    echo "# command: java -jar $jar JdbcThroughputBenchmark $* ${JMH_EXTRA:-} -rf json -rff $out/$run.json"
    echo "# date: $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
    # JMH_EXTRA (optional, e.g. "-wi 1 -i 1" to check the script quickly): appended to every run's arguments.
    # shellcheck disable=SC2086
    java -jar "$jar" JdbcThroughputBenchmark "$@" ${JMH_EXTRA:-} -rf json -rff "$out/$run.json" 2>&1 | grep -v '^SLF4J'
    echo "# end: $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
  } | tee "$out/$run.txt"
  psql "${pg[@]}" -d petition -c "SELECT calls, round(total_exec_time::numeric) AS total_ms,
      round(mean_exec_time::numeric, 3) AS mean_ms, rows,
      round((total_exec_time / greatest(rows, 1))::numeric, 4) AS ms_per_row,
      left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS query
    FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 16" \
    -c "SELECT sum(calls) AS statements, round(sum(total_exec_time)::numeric) AS server_ms,
      (SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'signature' AND schemaname = 'petition_benchmark')
        AS signatures FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'" \
    -c "SELECT n_tup_ins, n_tup_upd, n_tup_hot_upd, pg_size_pretty(pg_table_size(relid)) AS heap_and_toast,
      pg_size_pretty(pg_indexes_size(relid)) AS indexes FROM pg_stat_user_tables WHERE relname = 'signature'" \
    | tee "$out/$run-statements.txt"
}
jar=petition-benchmarks/target/benchmarks.jar
for threads in 32 64; do
  run "jdbc-t$threads-b64" "$jar" -t "$threads" -p batchSize=64 -p city=true -p sharedLimits=true -p transparencyLog=true
  run "jdbc-t$threads-b64-log-off" "$jar" -t "$threads" -p batchSize=64 -p city=true -p sharedLimits=true \
    -p transparencyLog=false
done
if [ -n "${BASELINE_JAR:-}" ]; then
  for threads in 32 64; do
    run "jdbc-baseline-t$threads-b64" "$BASELINE_JAR" -t "$threads" -p batchSize=64 -p city=true -p sharedLimits=true \
      -p transparencyLog=true
  done
fi
