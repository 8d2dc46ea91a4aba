#!/usr/bin/env bash
# Whole-process push of the full-size sample city into an empty PostGIS store, N times (default 3), each into a new
# database: `boundaries store init`, then `/usr/bin/time boundaries store push city.gpkg --store …`; prints each wall
# time, the median, the parts written, and the CPU seconds of the client process (user + system, /usr/bin/time) and of
# the server (the exited backends' CPU, from the postmaster's cutime + cstime) — on a shared machine the CPU seconds
# vary much less than the wall time. BOUNDARIES_DLL picks another build (default: src/Cli/bin/Release); BENCH_NO_PARTS=1
# disables the parts trigger (a reference only: that store has no parts).
# Usage: scripts/bench-push.sh [N]   (starts scripts/postgis.sh; BOUNDARIES_PG_PORT/BOUNDARIES_PG_DIR as there)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=${BOUNDARIES_BENCH_DIR:-/tmp/boundaries-bench-push}
dll=${BOUNDARIES_DLL:-src/Cli/bin/Release/net10.0/boundaries.dll}
mkdir -p "$work"
cs=$(bash scripts/postgis.sh start | tail -1)
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$cs")
pg_dir=${BOUNDARIES_PG_DIR:-/tmp/boundaries-pg}
server_cpu() { awk '{print $16 + $17}' "/proc/$(head -1 "$pg_dir/data/postmaster.pid")/stat"; }
tick=$(getconf CLK_TCK)
psql_() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
[ -n "${BOUNDARIES_DLL:-}" ] || dotnet build src/Cli -c Release --nologo -v quiet >/dev/null
boundaries() { dotnet "$dll" "$@"; }
[ -f "$work/city.gpkg" ] || boundaries synth --seed 1 --size full --output "$work/city.gpkg" >/dev/null 2>&1
times=()
for i in $(seq 1 "$runs"); do
  db="bench_push_$i"
  psql_ -d postgres -c "drop database if exists $db" -c "create database $db"
  store="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db"
  boundaries store init --store "$store" >/dev/null
  # BENCH_NO_PARTS=1: the reference without any parts (migration 003's insert trigger disabled; not a consistent store)
  [ -z "${BENCH_NO_PARTS:-}" ] || psql_ -d "$db" -c "ALTER TABLE boundaries.divisions DISABLE TRIGGER division_parts_insert"
  sleep 1
  before=$(server_cpu)
  out=$( { /usr/bin/time -f '%e %U %S' dotnet "$dll" store push "$work/city.gpkg" --store "$store" --author bench --reason bench \
        --effective 2024-01-01 >/dev/null; } 2>&1 | tail -1)
  sleep 1
  server=$(echo "scale=2; ($(server_cpu) - $before) / $tick" | bc)
  read -r t user sys <<<"$out"
  parts=$(psql_ -d "$db" -c "select count(*) || ' parts of ' || (select count(*) from boundaries.divisions) || ' divisions, at most ' || max(ST_NPoints(geom)) || ' points' from boundaries.division_parts")
  echo "run $i: $t s; CPU client $(echo "$user + $sys" | bc) s, server $server s ($parts; load $(cut -d' ' -f1 /proc/loadavg))"
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median of " NR ": " a[int((NR+1)/2)] " s"}'
