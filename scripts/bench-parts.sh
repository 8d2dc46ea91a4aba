#!/usr/bin/env bash
# In-database lookups through boundaries.division_parts, for stores that `boundaries store push` filled (see
# scripts/bench-push.sh): for each database given, the join of N random points (default 1,000,000; the same points as
# scripts/bench-locate.sh) with the parts, and boundaries.locate(lon, lat, date) one call at a time (pgbench, 1 client,
# 10 s). The join's answers are hashed so the databases can be compared. ALSO_SUBDIVIDE="256 512" also times the join
# through ST_Subdivide(geom, N) parts made on the fly in the first database (for the choice of the part size).
# Usage: scripts/bench-parts.sh DB [DB…]   (BOUNDARIES_PG_PORT as for scripts/postgis.sh; N from BENCH_POINTS)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${BENCH_POINTS:-1000000}
port=${BOUNDARIES_PG_PORT:-55432}
work=${BOUNDARIES_BENCH_DIR:-/tmp/boundaries-bench-parts}
mkdir -p "$work"
psql_() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }
now() { date +%s.%N; }
[ -f "$work/points-$n.csv" ] || python3 - "$n" "$work/points-$n.csv" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(42)
with open(path, "w") as f:
    f.write("id,x,y\n")
    for i in range(n):
        f.write(f"{i},{116.45 + rng.random() * 1.12:.9f},{38.25 + rng.random() * 1.67:.9f}\n")
PY
cat > "$work/locate.sql" <<'SQL'
\set xi random(0, 1120000)
\set yi random(0, 1670000)
select * from boundaries.locate(116.45 + :xi / 1000000.0, 38.25 + :yi / 1000000.0, date '2024-06-01');
SQL
join_through() { # database, parts table
  psql_ -d "$1" -c "drop table if exists bench_joined"
  local t0 t1
  t0=$(now)
  psql_ -d "$1" -c "create table bench_joined as select distinct p.id, q.version_id from bench_points p join $2 q on ST_Covers(q.geom, p.geom)"
  t1=$(now)
  echo "$t1 - $t0" | bc
}
first=
for db in "$@"; do
  psql_ -d "$db" <<SQL
drop table if exists bench_points;
create table bench_points (id bigint primary key, x float8, y float8, geom geometry(Point, 4490));
\copy bench_points (id, x, y) from '$work/points-$n.csv' csv header
update bench_points set geom = ST_SetSRID(ST_MakePoint(x, y), 4490);
vacuum analyze bench_points; vacuum analyze boundaries.division_parts; vacuum analyze boundaries.divisions;
SQL
  parts=$(psql_ -d "$db" -c "select count(*) || ' parts' from boundaries.division_parts")
  seconds=$(join_through "$db" boundaries.division_parts)
  answers=$(psql_ -d "$db" -c "select count(*) || ' rows, md5 ' || left(md5(string_agg(j.id || d.level || d.code, ',' order by j.id, d.level, d.code)), 12) from bench_joined j join boundaries.divisions d using (version_id)")
  single=$(PGPASSWORD= /usr/lib/postgresql/15/bin/pgbench -n -h 127.0.0.1 -p "$port" -U postgres -c 1 -T 10 -f "$work/locate.sql" "$db" 2>/dev/null \
    | grep -E "latency average" | sed 's/.*= //')
  echo "$db: $parts; join of $n points ${seconds} s ($answers); locate() one call: $single (load $(cut -d' ' -f1 /proc/loadavg))"
  first=${first:-$db}
done
for size in ${ALSO_SUBDIVIDE:-}; do
  psql_ -d "$first" <<SQL
drop table if exists bench_sub;
create table bench_sub as select version_id, ST_Subdivide(geom, $size) as geom from boundaries.divisions;
create index on bench_sub using gist (geom); vacuum analyze bench_sub;
SQL
  seconds=$(join_through "$first" bench_sub)
  echo "$first, ST_Subdivide($size): $(psql_ -d "$first" -c "select count(*) from bench_sub") parts; join of $n points ${seconds} s (load $(cut -d' ' -f1 /proc/loadavg))"
done
