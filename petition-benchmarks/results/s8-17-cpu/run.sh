#!/usr/bin/env bash
# One development run: fresh schema, then measure.py over JdbcThroughputBenchmark (32 threads, batch 64, city,
# shared limits, log on, -wi 1 -w 40 -i 2 -r 10; the first runs, base1 to v18-1, had -w 20). Usage: run.sh NAME
# JAR [extra JMH args]. The server, started once from the repository's root:
#   PETITION_PG_EXTRA_CONF="<jdbc-bench.sh's settings>"$'\npg_stat_statements.track_planning = on' \
#     bash .ci/postgres.sh > /tmp/jdbccpu-pg.env
set -euo pipefail
source /tmp/jdbccpu-pg.env
here=$(cd "$(dirname "$0")" && pwd)
name=$1 jar=$2; shift 2
port=$(echo "$PETITION_PG_URL" | sed -E 's#.*:([0-9]+)/.*#\1#')
psql -h 127.0.0.1 -p "$port" -U postgres -d petition -q -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS petition_benchmark CASCADE; CREATE EXTENSION IF NOT EXISTS pg_stat_statements;" >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -d petition -q -c "CHECKPOINT" >/dev/null
{
  echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg) jar $jar ($(sha1sum "$jar" | cut -c1-12)) args: $*"
  python3 "$here/measure.py" "$jar" "$port" -- -t 32 -p batchSize=64 -p city=true -p sharedLimits=true \
    -p transparencyLog=true -wi 1 -w 40 -i 2 -r 10 -f 1 "$@" 2>&1 | grep -v '^SLF4J'
  psql -h 127.0.0.1 -p "$port" -U postgres -d petition -c "SELECT calls, round(total_exec_time::numeric) AS exec_ms, round(total_plan_time::numeric) AS plan_ms, plans, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY total_exec_time + total_plan_time DESC LIMIT 25"
} | tee "$here/$name.txt"
