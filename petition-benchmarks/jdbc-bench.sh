#!/usr/bin/env bash
# Signatures per second through the JDBC store on PostgreSQL, beside pgbench's simple-insert rate measured on
# the same server in the same script (so the ratio holds on a noisy machine). Starts a throw-away PostgreSQL
# with .ci/postgres.sh (fsync off, 127.0.0.1). Writes results/jdbc-pgbench.txt, and per run (see below)
# results/jdbc-<run>.txt, .json, -statements.txt and -cpu.txt (CPU per operation in the measured window), and
# results/jdbc-log-cost.txt: the transparency log's cost from alternating on/off pairs (issue 19: at most 10 %).
# Takes about ten minutes, twelve with BASELINE_JAR (each run about 10 s of JVM start and set-up besides JMH's).
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
# OUT and BENCH_JAR (optional, development): another folder for the outputs, another benchmarks jar.
out=${OUT:-petition-benchmarks/results}
mkdir -p "$out"
port=$(echo "$PETITION_PG_URL" | sed -E 's#.*:([0-9]+)/.*#\1#')
pg=(-h 127.0.0.1 -p "$port" -U "$PETITION_PG_USER")

psql "${pg[@]}" -d petition -q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

if [ "${RUNS:-all}" = all ]; then
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
fi

# CPU per operation, which on this CPU-bound benchmark (the JVM and the server share the machine's cores)
# decides throughput and varies far less from run to run than throughput does: CPU ticks of the JMH JVMs
# (the host and its fork) and of the server (the postmaster with the backends it reaped, and its live
# processes) from /proc every 0.2 s, read at the measured window's ends.
tck=$(getconf CLK_TCK)
postmaster=$(head -1 "$PETITION_PG_DATA/data/postmaster.pid")
sample_cpu() { # host pid: "epoch-ms jvm-ticks server-ticks" lines until the host JVM ends; each side a process
  # with its reaped children's ticks plus its live children's (by their parent, from every /proc/<pid>/stat)
  python3 - "$1" "$postmaster" <<'PY'
import os, sys, time
host, server = int(sys.argv[1]), int(sys.argv[2])
def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[1]), sum(int(v) for v in fields[11:13]), sum(int(v) for v in fields[11:15])
while os.path.exists(f"/proc/{host}"):
    ticks = {host: 0, server: 0}
    try:
        for pid in (host, server):
            ticks[pid] = stat(pid)[2]
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    parent, own, _ = stat(entry)
                except (OSError, IndexError, ValueError):
                    continue
                if parent in ticks:
                    ticks[parent] += own
    except OSError:
        break
    print(int(time.time() * 1000), ticks[host], ticks[server], flush=True)
    time.sleep(0.2)
PY
}
stamp_lines() {
  local line
  while IFS= read -r line; do printf '%s %s\n' "$(date +%s%3N)" "$line"; done
}
cpu_window() { # run: CPU per operation between the end of the last warm-up iteration and of the last one
  python3 - "$out/$1.stamped" "$out/$1.cpu-samples" "$out/$1.json" "$tck" <<'PY'
import json, re, sys
stamped, samples, result, tck = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = [l.rstrip("\n").split(" ", 1) for l in open(stamped) if " " in l]
warmups = int(next(re.search(r"# Warmup: (\d+) iterations", t).group(1) for _, t in lines if t.startswith("# Warmup:")))
measured = int(next(re.search(r"# Measurement: (\d+) iterations", t).group(1) for _, t in lines
                    if t.startswith("# Measurement:")))
ends = []
for stamp, text in lines:
    if text.startswith("Result "):
        break
    if re.search(r"\d ops/s\s*$", text):
        ends.append(int(stamp))
t0, t1 = ends[warmups - 1], ends[warmups + measured - 1]
points = [tuple(int(v) for v in l.split()) for l in open(samples) if len(l.split()) == 3]
def at(t, column):  # linear between the samples around t
    before = max((p for p in points if p[0] <= t), key=lambda p: p[0])
    after = min((p for p in points if p[0] >= t), key=lambda p: p[0], default=before)
    if after[0] == before[0]:
        return before[column]
    return before[column] + (after[column] - before[column]) * (t - before[0]) / (after[0] - before[0])
score = json.load(open(result))[0]["primaryMetric"]["score"]
seconds = (t1 - t0) / 1000
ops = score * seconds
jvm = (at(t1, 1) - at(t0, 1)) / tck
server = (at(t1, 2) - at(t0, 2)) / tck
print("# CPU in the measured window (the end of the last warm-up iteration to the end of the last one), from")
print("# /proc every 0.2 s: the JMH JVMs (host and fork) and PostgreSQL (postmaster, its live and reaped processes)")
print(f"window_s={seconds:.1f} ops_per_s={score:.1f} ops={ops:.0f} jvm_cpu_s={jvm:.2f} server_cpu_s={server:.2f}"
      f" jvm_us_per_op={jvm * 1e6 / ops:.0f} server_us_per_op={server * 1e6 / ops:.0f}"
      f" cpu_us_per_op={(jvm + server) * 1e6 / ops:.0f} cores_busy={(jvm + server) / seconds:.2f}")
PY
}

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
      CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();
      SELECT pg_stat_reset_shared('wal');" >/dev/null
  psql "${pg[@]}" -d petition -q -c "CHECKPOINT" >/dev/null
  {
    echo "# command: java -jar $jar JdbcThroughputBenchmark $* ${JMH_EXTRA:-} -rf json -rff $out/$run.json"
    echo "# date: $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
    # JMH_EXTRA (optional, e.g. "-wi 1 -i 1" to check the script quickly): appended to every run's arguments.
    # Each output line stamped with the time it arrived (the end of an iteration, for its score's line) and
    # the CPU of the JMH JVMs and of the server sampled meanwhile: cpu_window below reads both.
    # Another JMH run on the machine holds JMH's lock (a shared development machine): wait for it.
    local host status
    for _ in $(seq 1 180); do
      # shellcheck disable=SC2086
      java -jar "$jar" JdbcThroughputBenchmark "$@" ${JMH_EXTRA:-} -rf json -rff "$out/$run.json" \
        > >(stamp_lines > "$out/$run.stamped") 2>&1 &
      host=$! status=0
      sample_cpu "$host" > "$out/$run.cpu-samples"
      wait "$host" || status=$?
      sleep 1 # the stamping's last lines
      grep -q 'Unable to acquire the JMH lock' "$out/$run.stamped" || break
      sleep 10
    done
    cut -d' ' -f2- "$out/$run.stamped" | grep -v '^SLF4J'
    echo "# end: $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit "$status"
  } | tee "$out/$run.txt"
  cpu_window "$run" | tee "$out/$run-cpu.txt"
  gzip -f "$out/$run.stamped" "$out/$run.cpu-samples" # kept, so that -cpu.txt can be checked
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
    -c "SELECT w.wal_records, pg_size_pretty(w.wal_bytes) AS wal, round(w.wal_bytes / greatest(t.n_tup_ins, 1)) AS
      wal_bytes_per_signature FROM pg_stat_wal w, pg_stat_user_tables t WHERE t.relname = 'signature'
      AND t.schemaname = 'petition_benchmark'" \
    -c "SELECT relname, n_tup_ins, pg_size_pretty(pg_table_size(relid)) AS heap_and_toast,
      pg_size_pretty(pg_indexes_size(relid)) AS indexes FROM pg_stat_user_tables
      WHERE schemaname = 'petition_benchmark' AND relname LIKE 'log%' ORDER BY relname" \
    | tee "$out/$run-statements.txt"
}
jar=${BENCH_JAR:-petition-benchmarks/target/benchmarks.jar}
# RUNS (optional): "log" runs only the log's pairs below (development).
if [ "${RUNS:-all}" = all ]; then
for threads in 32 64; do
  run "jdbc-t$threads-b64" "$jar" -t "$threads" -p batchSize=64 -p city=true -p sharedLimits=true -p transparencyLog=true
  run "jdbc-t$threads-b64-log-off" "$jar" -t "$threads" -p batchSize=64 -p city=true -p sharedLimits=true \
    -p transparencyLog=false
done
fi
if [ -n "${BASELINE_JAR:-}" ] && [ "${RUNS:-all}" = all ]; then
  for threads in 32 64; do
    run "jdbc-baseline-t$threads-b64" "$BASELINE_JAR" -t "$threads" -p batchSize=64 -p city=true -p sharedLimits=true \
      -p transparencyLog=true
  done
fi

# The transparency log's cost (issue 19: at most 10 % of throughput), tighter than one on/off pair gives:
# LOG_PAIRS (default 2) more pairs at 32 threads, warmed up longer (8 x 5 s: the JIT compiles for about 40 s,
# and its CPU would count as the operations' in a shorter run), 5 x 5 s measured, the order
# alternating (off first, then on first, ...) so that a drift of the machine does not favour one side;
# with the pair above, the mean of the per-pair ratios and its spread. Three answers: throughput (on / off: 1
# minus it is the throughput the log costs, issue 19's measure), CPU per operation in the measured window (off /
# on: on a CPU-bound machine the throughput the log leaves) and WAL bytes per signature (off / on: the log's
# share of what the write path writes; hardly moved by the machine's load).
pair_args=(-wi 8 -i 5)
[ -n "${JMH_EXTRA:-}" ] && pair_args=() # JMH takes each option once: JMH_EXTRA's iterations then
log_runs=("jdbc-t32-b64 jdbc-t32-b64-log-off")
[ "${RUNS:-all}" = all ] || log_runs=()
for pair in $(seq 1 "${LOG_PAIRS:-2}"); do
  sides=(false true); [ $((pair % 2)) -eq 0 ] && sides=(true false)
  for log in "${sides[@]}"; do
    run "jdbc-log-pair$pair-$([ "$log" = true ] && echo on || echo off)" "$jar" -t 32 -p batchSize=64 -p city=true \
      -p sharedLimits=true -p transparencyLog="$log" ${pair_args[@]+"${pair_args[@]}"}
  done
  log_runs+=("jdbc-log-pair$pair-on jdbc-log-pair$pair-off")
done
python3 - "$out" "${log_runs[@]}" <<'PY' | tee "$out/jdbc-log-cost.txt"
import math, re, statistics, sys
out, pairs = sys.argv[1], [p.split() for p in sys.argv[2:]]
def read(run):
    fields = dict(f.split("=") for f in open(f"{out}/{run}-cpu.txt").read().split("\n")[-2].split())
    return float(fields["ops_per_s"]), float(fields["cpu_us_per_op"])
def wal(run):  # WAL bytes per signature (-statements.txt): the least load-dependent of the three
    lines = open(f"{out}/{run}-statements.txt").read().split("\n")
    at = next(i for i, line in enumerate(lines) if "wal_bytes_per_signature" in line)
    return float(lines[at + 2].split("|")[2])
t95 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26}
print("# The transparency log's cost at 32 threads: each pair's on and off runs back to back, same settings")
print(f"{'pair (on; off)':56} {'ops/s on':>9} {'ops/s off':>9} {'on/off':>7} {'CPU us/op on':>12} {'off':>6} {'off/on':>7}"
      f" {'WAL B/sig on':>12} {'off':>6} {'off/on':>7}")
throughput, cpu, wals = [], [], []
for on, off in pairs:
    (ops_on, cpu_on), (ops_off, cpu_off) = read(on), read(off)
    wal_on, wal_off = wal(on), wal(off)
    throughput.append(ops_on / ops_off)
    cpu.append(cpu_off / cpu_on)
    wals.append(wal_off / wal_on)
    print(f"{on + '; ' + off:56} {ops_on:9.0f} {ops_off:9.0f} {ops_on / ops_off:7.3f} {cpu_on:12.0f} {cpu_off:6.0f}"
          f" {cpu_off / cpu_on:7.3f} {wal_on:12.0f} {wal_off:6.0f} {wal_off / wal_on:7.3f}")
for name, ratios in (("throughput on / off", throughput), ("CPU per op off / on", cpu),
                     ("WAL per signature off / on", wals)):
    mean = statistics.mean(ratios)
    if len(ratios) > 1:
        half = t95[min(len(ratios) - 1, 9)] * statistics.stdev(ratios) / math.sqrt(len(ratios))
        print(f"{name}: mean {mean:.3f} +- {half:.3f} (95 %, t over {len(ratios)} pairs), i.e. the log's share"
              f" {100 * (1 - mean):.1f} % +- {100 * half:.1f} %")
    else:
        print(f"{name}: {mean:.3f} (one pair, no spread), i.e. the log's share {100 * (1 - mean):.1f} %")
PY
