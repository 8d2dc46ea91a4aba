#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 + PostGIS on loopback for tests.
#   scripts/postgis.sh start   -> prints the connection string; installs the Debian packages when missing
#   scripts/postgis.sh restart -> restarts the running server (fast shutdown, same options); starts it when not running
#   scripts/postgis.sh stop    -> stops the server started by 'start' (by its PID) and removes its data
#   scripts/postgis.sh pause   -> stops the server (fast shutdown) and keeps its data; 'resume' starts it again on them
# Environment: BOUNDARIES_PG_PORT (default 55432), BOUNDARIES_PG_DIR (default /tmp/boundaries-pg).
set -euo pipefail
port=${BOUNDARIES_PG_PORT:-55432}
dir=${BOUNDARIES_PG_DIR:-/tmp/boundaries-pg}
bin=/usr/lib/postgresql/15/bin

install_packages() {
  if [ ! -x "$bin/postgres" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    echo "installing postgresql-15 and postgis (apt)..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >&2
  fi
}

as_postgres() { runuser -u postgres -- "$@"; }

launch() {
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c fsync=off -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; exit 3; }
}

pause() {
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
}

resume() {
  [ -d "$dir/data" ] || { echo "no paused server in $dir" >&2; exit 3; }
  launch
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

start() {
  install_packages
  if [ -f "$dir/data/postmaster.pid" ] && kill -0 "$(head -1 "$dir/data/postmaster.pid")" 2>/dev/null; then
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir/socket"
  chown -R postgres:postgres "$dir"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 3; }
  launch
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE EXTENSION IF NOT EXISTS postgis;" >&2
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

restart() {
  if [ -f "$dir/data/postmaster.pid" ] && kill -0 "$(head -1 "$dir/data/postmaster.pid")" 2>/dev/null; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w restart >&2 || { cat "$dir/server.log" >&2; exit 3; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  else
    start
  fi
}

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    pid=$(head -1 "$dir/data/postmaster.pid")
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || kill "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  restart) restart ;;
  stop) stop ;;
  pause) pause ;;
  resume) resume ;;
  *) echo "usage: $0 start|restart|stop|pause|resume" >&2; exit 2 ;;
esac
