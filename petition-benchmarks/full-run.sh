#!/usr/bin/env bash
# The recorded full run of HotPathBenchmark for RESULTS.md (issue 13, item 7): sign, signFloor (and session 7's floor, signFloorS7), confirm and
# confirmFloor (ALL=1 adds signWithPhone and phoneFloor) at sizes 10k, 1M and 10M, with 1 and then 2 threads,
# -prof gc, one fork per (method, size), 40 warm-up batches (200k calls: C2 settles after 150-300k, see
# PERFORMANCE-NOTES.md) and 15 measured batches of 5,000 calls per thread. Writes, under
# petition-benchmarks/results/full-<stamp>/:
#   env.txt               date, commit, JDK, CPU, memory, load before and after each thread count
#   hotpath-t1.txt/.json  JMH's output with 1 thread (the .json is what chart.py reads)
#   hotpath-t2.txt/.json  the same with 2 threads
#   ratios.md             chart.py --markdown: each target ratio and bytes per sign, with the scores
#   hotpath.svg           the chart
#
# Run it on a quiet machine (nothing else running: check `uptime` first; on 2 cores the benchmark itself is
# the load). It builds nothing: build the jar first, then the jar is copied so a later build cannot touch it:
#
#   mvn -q -o -pl petition-benchmarks -am package -DskipTests
#   petition-benchmarks/full-run.sh                    # estimated 17-27 minutes on 2 idle cores, not yet timed (RESULTS.md)
#   ALL=1 petition-benchmarks/full-run.sh              # with signWithPhone and phoneFloor: about a third more
#   WI=1 I=1 SIZES=10000 OUT=/tmp/trial petition-benchmarks/full-run.sh   # a trial of the script, not a result
#   JAVA_OPTS=-Djmh.ignoreLock=true ...   # when another JMH holds /tmp/jmh.lock (then the run is not quiet)
#
# The heap is the benchmark's default (-Xms14g -Xmx14g, G1): 10M confirmed signatures take about 7.1 GiB.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=petition-benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  echo "full-run: $jar is missing; build it: mvn -q -o -pl petition-benchmarks -am package -DskipTests" >&2
  exit 1
fi
stamp=$(date -u +%Y-%m-%dT%H%MZ)
out=${OUT:-petition-benchmarks/results/full-$stamp}
mkdir -p "$out"
copy=$(mktemp /tmp/hotpath-XXXXXX.jar)
cp "$jar" "$copy"
trap 'rm -f "$copy"' EXIT

methods='sign|signFloor|signFloorS7|confirm|confirmFloor'
if [ "${ALL:-0}" = 1 ]; then
  methods="$methods|signWithPhone|phoneFloor"
fi
sizes=${SIZES:-10000,1000000,10000000}
wi=${WI:-40}
i=${I:-15}

{
  echo "started: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "jar: $jar (copied to $copy)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "settings: methods=$methods sizes=$sizes warmup=$wi measured=$i batch=5000 forks=1 -prof gc"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/env.txt"

for threads in 1 2; do
  start=$(date +%s)
  java ${JAVA_OPTS:-} -jar "$copy" "HotPathBenchmark\.($methods)\$" \
    -p size="$sizes" -t "$threads" -wi "$wi" -i "$i" -prof gc -foe true \
    -rf json -rff "$out/hotpath-t$threads.json" > "$out/hotpath-t$threads.txt" 2>&1
  {
    echo "$threads thread(s): $(( ($(date +%s) - start) / 60 )) min $(( ($(date +%s) - start) % 60 )) s," \
      "done $(date -u '+%H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  } >> "$out/env.txt"
done

python3 petition-benchmarks/chart.py "$out/hotpath-t1.json" "$out/hotpath-t2.json" --svg "$out/hotpath.svg" \
  --title "HotPathBenchmark, full run, $stamp, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  --markdown > "$out/ratios.md"
echo "finished: $(date -u '+%Y-%m-%d %H:%M:%S UTC')" >> "$out/env.txt"
cat "$out/env.txt"
cat "$out/ratios.md"
echo "full-run: results in $out"
