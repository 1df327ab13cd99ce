#!/usr/bin/env bash
# A flood held over HTTP (issue 15): starts the demo jar on its JDBC store (an H2 file in a temporary directory,
# or the empty database at FLOOD_DATABASE_URL, e.g. a PostgreSQL from .ci/postgres.sh) trusting X-Forwarded-For
# from loopback, then runs FloodLoad from benchmarks.jar three times against it: a warm-up, a baseline of
# legitimate signers alone, and the same signers during a flood from one /24. Prints the app's heap (jcmd
# GC.heap_info) after the baseline, after the flood, and after a full GC. Fails if a check of FloodLoad fails (see its javadoc).
#
#   petition-benchmarks/flood.sh            # 1,000 legitimate signers; 100,000 flood requests over >= 60 s
#   petition-benchmarks/flood.sh --short    # CI: 50 signers; 2,000 flood requests over >= 5 s
#
# Needs the demo jar and benchmarks.jar: mvn -B verify (or: mvn -q -pl petition-demo,petition-benchmarks -am
# package -DskipTests). Output also in petition-benchmarks/target/flood/.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-full}
demo=$(ls petition-demo/target/petition-demo-*.jar 2>/dev/null | grep -v original | head -1 || true)
bench=petition-benchmarks/target/benchmarks.jar
if [ -z "$demo" ] || [ ! -f "$bench" ]; then
  echo "flood: the demo jar or $bench is missing; build them: mvn -B verify" >&2
  exit 1
fi
out=petition-benchmarks/target/flood
mkdir -p "$out"
data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
slug=us-troops-out-of-korea

db=(--petition.demo.data-dir="$data")
store="H2 file"
# PostgreSQL only when asked: it must be an empty database, as the store remembers the fingerprints of the keys
# that wrote it and this demo generates new ones (.ci/run's PostgreSQL already holds DemoOnPostgres's).
if [ -n "${FLOOD_DATABASE_URL:-}" ]; then
  db+=(--spring.datasource.url="$FLOOD_DATABASE_URL" --spring.datasource.username="${PETITION_PG_USER:-postgres}"
       --spring.datasource.password="${PETITION_PG_PASSWORD:-}")
  store="$FLOOD_DATABASE_URL"
fi

java -Xms256m -Xmx512m -jar "$demo" --server.address=127.0.0.1 --server.port="$port" "${db[@]}" \
    '--petition.web.trusted-proxies[0]=127.0.0.1/32' --logging.level.root=WARN > "$out/app.log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

base="http://127.0.0.1:$port"
# Ready when the API answers 200 (bash's /dev/tcp: no HTTP client needed).
ready() {
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /api/petitions/%s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$slug" >&3
  local status
  status=$(head -1 <&3 || true)
  exec 3<&-
  [[ "$status" == *" 200 "* ]]
}
for _ in $(seq 1 180); do
  if ready; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then echo "flood: the app did not start, see $out/app.log" >&2; exit 1; fi
  sleep 1
done
echo "flood: demo on $store at $base (pid $app, -Xmx512m), mode $mode, $(date -u +%FT%TZ)"

failed=0
# One FloodLoad run; its report goes to the terminal and to $out/$1.txt; a failed check fails the script at the end.
load() {
  local name=$1
  shift
  java -cp "$bench" org.petition.benchmarks.flood.FloodLoad --base "$base" --slug "$slug" "$@" \
      | tee "$out/$name.txt" || failed=1
}
heap() { echo "heap $1:"; jcmd "$app" GC.heap_info | sed -n '2,3p'; }

# The warm-up (a cold JIT) is held to every check but the latency ceiling.
if [ "$mode" = --short ]; then
  load warmup --run 2 --legit 20 --flood 0 --spread-seconds 1 --min-seconds 1 --max-p99-ms 600000
  load baseline --run 0 --legit 50 --flood 0 --spread-seconds 3 --min-seconds 1
  heap "after the baseline"
  load flood --run 1 --legit 50 --flood 2000 --spread-seconds 3 --min-seconds 5 --flood-connections 4
else
  load warmup --run 2 --legit 200 --flood 0 --spread-seconds 10 --min-seconds 1 --max-p99-ms 600000
  load baseline --run 0 --legit 1000 --flood 0 --spread-seconds 45 --min-seconds 1
  heap "after the baseline"
  load flood --run 1 --legit 1000 --flood 100000 --spread-seconds 45 --min-seconds 60
fi
heap "after the flood"
jcmd "$app" GC.run > /dev/null
heap "after a full GC"
grep -h '^RESULT' "$out/baseline.txt" "$out/flood.txt" || true
exit "$failed"
