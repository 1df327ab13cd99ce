#!/usr/bin/env bash
# Development run for issue 17 (noisy shared machine): pgbench, then the previous main (baseline) and this branch
# alternately, group commit on, city given, reduced iterations.
set -euo pipefail
cd /work/wt-17
export PETITION_PG_EXTRA_CONF=$'shared_buffers = 2GB\nmax_wal_size = 8GB\ncheckpoint_timeout = 30min\nwal_buffers = 64MB'
source .ci/postgres.sh
out=petition-benchmarks/results/issue17-dev
port=$(echo "$PETITION_PG_URL" | sed -E 's#.*:([0-9]+)/.*#\1#')
pg=(-h 127.0.0.1 -p "$port" -U "$PETITION_PG_USER")
psql "${pg[@]}" -d petition -q -c "DROP TABLE IF EXISTS pgbench_insert; CREATE TABLE pgbench_insert (id bigserial PRIMARY KEY, v int, at timestamptz DEFAULT now())"
script=$(mktemp); echo 'INSERT INTO pgbench_insert (v) VALUES (1);' > "$script"
{ echo "# date: $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"; pgbench "${pg[@]}" -n -c 8 -j 2 -T 20 -f "$script" petition 2>&1; } | tee "$out/pgbench.txt"
run() { local name="$1" jar="$2"; shift 2
  psql "${pg[@]}" -d petition -q -c "DROP SCHEMA IF EXISTS petition CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
  { echo "# command: java -jar $jar JdbcThroughputBenchmark $*"; echo "# date: $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -jar "$jar" JdbcThroughputBenchmark "$@" 2>&1 | grep -v '^SLF4J' | grep -v "^# \(JMH\|VM\|Blackhole\|Warmup\|Measurement\|Timeout\|Threads\|Benchmark mode\)"
    echo "# end: $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$out/$name.txt"
  grep "signAndConfirm " "$out/$name.txt" | tail -1 | sed "s/^/$name: /"
}
base=/tmp/w17/base/petition-benchmarks/target/benchmarks.jar
mine=petition-benchmarks/target/benchmarks.jar
common=(-wi 3 -w 5 -i 3 -r 5 -p batchSize=64 -p city=true)
for threads in 32 64; do
  run "base-t$threads" "$base" -t "$threads" "${common[@]}"
  run "shared-t$threads" "$mine" -t "$threads" "${common[@]}" -p sharedLimits=true
  run "memory-t$threads" "$mine" -t "$threads" "${common[@]}" -p sharedLimits=false
done
eval "$PETITION_PG_STOP"
