#!/usr/bin/env bash
# A throw-away PostgreSQL for the JDBC store tests, on 127.0.0.1 and a free port, fsync off.
#
#   source .ci/postgres.sh          # exports the variables below (and stops the server at shell exit)
#   eval "$(bash .ci/postgres.sh)"  # same, from a script run on its own; the server keeps running
#
# Exports:
#   PETITION_PG_URL=jdbc:postgresql://127.0.0.1:PORT/petition   PETITION_PG_USER=postgres
#   PETITION_PG_PASSWORD= (empty: trust authentication on loopback only)
#   PETITION_PG_REQUIRED=1   (the tests fail, rather than skip, if PostgreSQL cannot be used)
#   PETITION_PG_DATA=<cluster folder>   PETITION_PG_STOP=<command that stops the server and deletes the folder>
#
# Reads PETITION_PG_EXTRA_CONF (optional): lines appended to postgresql.conf (later settings win).
#
# As root on Debian it installs the postgresql package when no initdb is found, and runs the server as the
# postgres user (PostgreSQL refuses to run as root). Safe to source under `set -euo pipefail`.

petition_pg_start() {
  local bin="" dir port user="" runas=() try

  petition_pg_find_bin() {
    local candidate
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
      if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
        echo "$candidate"
        return 0
      fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
      dirname "$(command -v initdb)"
      return 0
    fi
    return 1
  }

  bin="$(petition_pg_find_bin || true)"
  if [ -z "$bin" ]; then
    if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "postgres.sh: no PostgreSQL binaries, and cannot install them (not root on Debian)" >&2
      return 1
    fi
    echo "postgres.sh: installing postgresql with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    # The package's own cluster may fail to start in a container without an init system; that is fine.
    if ! apt-get install -y -qq postgresql >/dev/null; then
      apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    fi
    bin="$(petition_pg_find_bin || true)"
    if [ -z "$bin" ]; then
      echo "postgres.sh: postgresql installed but no initdb found" >&2
      return 1
    fi
  fi

  if [ "$(id -u)" = "0" ]; then
    user=postgres
    if ! id "$user" >/dev/null 2>&1; then
      useradd --system --user-group --no-create-home --shell /bin/sh "$user"
    fi
    runas=(runuser -u "$user" --)
  fi

  dir="$(mktemp -d /tmp/petition-pg.XXXXXX)"
  if [ -n "$user" ]; then
    chown "$user" "$dir"
  fi
  ${runas[@]+"${runas[@]}"} "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { echo "postgres.sh: initdb failed:" >&2; tail -5 "$dir/initdb.log" >&2; return 1; }

  for try in 1 2 3 4 5; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    # Free when nothing accepts a connection there.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue
    fi
    cat >>"$dir/data/postgresql.conf" <<EOF

listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
fsync = off
full_page_writes = off
max_connections = 120
shared_buffers = 64MB
EOF
    # Extra settings from the caller, e.g. the throughput benchmark's production-like memory and WAL sizes.
    if [ -n "${PETITION_PG_EXTRA_CONF:-}" ]; then
      printf '%s\n' "$PETITION_PG_EXTRA_CONF" >>"$dir/data/postgresql.conf"
    fi
    if ${runas[@]+"${runas[@]}"} "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    echo "postgres.sh: the server did not start:" >&2
    tail -5 "$dir/server.log" >&2 || true
    return 1
  fi

  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE petition" >/dev/null

  export PETITION_PG_URL="jdbc:postgresql://127.0.0.1:$port/petition"
  export PETITION_PG_USER=postgres
  export PETITION_PG_PASSWORD=""
  export PETITION_PG_REQUIRED=1
  export PETITION_PG_DATA="$dir"
  export PETITION_PG_STOP="${runas[*]} $bin/pg_ctl -D $dir/data -m immediate -w stop >/dev/null 2>&1; rm -rf $dir"
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database petition, data in $dir" >&2
}

petition_pg_stop() {
  if [ -n "${PETITION_PG_STOP:-}" ]; then
    eval "$PETITION_PG_STOP" || true
  fi
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: export into the caller, and stop the server when the caller exits unless it has its own trap.
  petition_pg_start
  if [ -z "$(trap -p EXIT)" ]; then
    trap petition_pg_stop EXIT
  fi
else
  set -euo pipefail
  petition_pg_start
  for name in PETITION_PG_URL PETITION_PG_USER PETITION_PG_PASSWORD PETITION_PG_REQUIRED PETITION_PG_DATA PETITION_PG_STOP; do
    printf 'export %s=%q\n' "$name" "${!name}"
  done
fi
