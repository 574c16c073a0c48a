#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests and benchmarks: data under /tmp, socket and TCP on localhost.
# Usage: tools/pg.sh up|down|url. Installs the server from Debian packages if it is missing.
# Tests run it fast and unsafe (fsync off); OSTAN_PG_DURABLE=1 makes it commit durably, as production
# must (the benchmarks' default: election-day figures are measured the way the day runs).
set -euo pipefail
PGPORT="${OSTAN_PG_PORT:-54329}"
PGDATA="${OSTAN_PG_DATA:-/tmp/ostan-pg-$PGPORT}"
PGDB="${OSTAN_PG_DB:-ostan}"
PGUSER_NAME="${OSTAN_PG_USER:-ostan}"
if [ "${OSTAN_PG_DURABLE:-0}" = "1" ]; then FSYNC=on; else FSYNC=off; fi

find_bin() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_server() {
  if [ "$(id -u)" != "0" ]; then
    echo "PostgreSQL 15 is not installed and installing it needs root: apt-get install postgresql-15" >&2
    exit 1
  fi
  echo "Installing PostgreSQL 15 from Debian packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql-15 postgresql-client-15 >/dev/null
}

case "${1:-}" in
  up)
    BIN="$(find_bin)" || { install_server; BIN="$(find_bin)"; }
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then useradd --system --home /var/lib/postgresql postgres; fi
    if [ -f "$PGDATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      echo "PostgreSQL already running on port $PGPORT" >&2
    else
      rm -rf "$PGDATA"; mkdir -p "$PGDATA"
      [ "$(id -u)" = "0" ] && chown postgres:postgres "$PGDATA"
      as_owner "$BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
      cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDATA'
fsync = $FSYNC
synchronous_commit = $FSYNC
full_page_writes = $FSYNC
max_connections = 200
shared_buffers = 256MB
CONF
      as_owner "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w start >/dev/null
      as_owner "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE ROLE $PGUSER_NAME LOGIN SUPERUSER" >/dev/null
      as_owner "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE $PGDB OWNER $PGUSER_NAME" >/dev/null
      echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') up on 127.0.0.1:$PGPORT (data in $PGDATA)" >&2
    fi
    ;;
  down)
    BIN="$(find_bin)" || exit 0
    if [ -d "$PGDATA" ]; then
      as_owner "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
      rm -rf "$PGDATA"
      echo "PostgreSQL on port $PGPORT stopped and removed" >&2
    fi
    ;;
  url)
    echo "postgres://$PGUSER_NAME@127.0.0.1:$PGPORT/$PGDB"
    ;;
  *) echo "usage: $0 up|down|url" >&2; exit 2 ;;
esac
