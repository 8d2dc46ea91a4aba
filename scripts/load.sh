#!/usr/bin/env bash
# Load test of the lookup API: starts `boundaries serve` (a separate process), drives GET /api/v1/locate from wrk (a
# second process, loopback) at random points with scripts/wrk-locate.lua, for a fixed time and/or a fixed count of
# requests per connection count, and prints one summary table: throughput, p50, p99, non-2xx answers and socket errors.
#
#   scripts/load.sh                                   # the sample city (data/sample/tianjin-small.gpkg), embedded, 10 s per row
#   LOAD_DURATION=30s LOAD_CONNECTIONS="1 16 64" scripts/load.sh
#   LOAD_COUNT=200000 scripts/load.sh                 # each row stops after 200 000 answers (LOAD_DURATION is the upper bound)
#   scripts/load.sh --boundaries city.gpkg            # another division file
#   scripts/load.sh --store "Host=127.0.0.1;Port=55432;Username=postgres;Database=city"   # serve a PostGIS (or .gpkg) store
#
# Environment: LOAD_DURATION (default 10s), LOAD_COUNT (total answers per row; default none), LOAD_CONNECTIONS (default
# "1 4 16 64"), LOAD_THREADS (wrk threads, default 2), LOAD_PORT (default 5098), LOAD_BBOX (minx,miny,maxx,maxy of the
# random points; default the sample city). Exits 1 when any row had non-2xx answers or socket errors.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${LOAD_DURATION:-10s}
count=${LOAD_COUNT:-}
connections=${LOAD_CONNECTIONS:-1 4 16 64}
threads=${LOAD_THREADS:-2}
port=${LOAD_PORT:-5098}
source_args=(--boundaries data/sample/tianjin-small.gpkg)
if [ $# -gt 0 ]; then
  case "$1" in
    --boundaries|--store) [ $# -eq 2 ] || { echo "usage: $0 [--boundaries FILE | --store CONN]" >&2; exit 2; }; source_args=("$1" "$2") ;;
    *) echo "usage: $0 [--boundaries FILE | --store CONN]" >&2; exit 2 ;;
  esac
fi
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 3; }
[ -n "${LOAD_BBOX:-}" ] && export LOCATE_BBOX=$LOAD_BBOX

log=$(mktemp)
dotnet build src/Cli -c Release --nologo -v quiet >"$log" 2>&1 || { cat "$log" >&2; echo "building src/Cli failed" >&2; exit 3; }
dotnet src/Cli/bin/Release/net10.0/boundaries.dll serve "${source_args[@]}" --urls "http://127.0.0.1:$port" 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 300); do
  curl -sf -o /dev/null "$url/api/v1/locate?lon=117.0&lat=39.1" && break
  kill -0 $server 2>/dev/null || { cat "$log" >&2; exit 3; }
  sleep 0.2
done
curl -sf -o /dev/null "$url/api/v1/locate?lon=117.0&lat=39.1" || { echo "the server did not answer" >&2; cat "$log" >&2; exit 3; }
# warm-up (JIT, caches), not reported
LOCATE_COUNT_PER_THREAD= wrk -t1 -c4 -d3s -s scripts/wrk-locate.lua "$url" >/dev/null

echo "source: ${source_args[*]}; wrk -t$threads, ${count:+$count answers or }$duration per row; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-11s %10s %10s %9s %9s %9s %8s %8s\n' connections requests "req/s" "p50 ms" "p99 ms" non-2xx socket seconds
failed=0
for c in $connections; do
  t=$(( c < threads ? c : threads ))
  per_thread=""
  [ -n "$count" ] && per_thread=$(( (count + t - 1) / t ))
  out=$(mktemp); done_file=$(mktemp)
  LOCATE_COUNT_PER_THREAD=$per_thread LOCATE_DONE_FILE=$done_file wrk -t"$t" -c"$c" -d"$duration" --latency -s scripts/wrk-locate.lua "$url" >"$out" &
  client=$!
  # with a count, wrk would sleep out -d after its threads stopped: interrupt it (it then reports the time really taken)
  while [ -n "$count" ] && kill -0 $client 2>/dev/null; do
    [ "$(wc -l <"$done_file")" -ge "$t" ] && { kill -INT $client 2>/dev/null || true; break; }
    sleep 0.02
  done
  wait $client || true
  result=$(grep '^RESULT ' "$out" || true)
  rm -f "$out" "$done_file"
  [ -n "$result" ] || { echo "wrk gave no result for $c connections" >&2; failed=1; continue; }
  declare -A r=()
  for kv in ${result#RESULT }; do r[${kv%%=*}]=${kv#*=}; done
  socket=$(( r[connect] + r[read] + r[write] + r[timeout] ))
  printf '%-11s %10s %10s %9s %9s %9s %8s %8s\n' "$c" "${r[requests]}" "${r[rps]}" "${r[p50_ms]}" "${r[p99_ms]}" "${r[non2xx]}" "$socket" "${r[duration_s]}"
  [ "${r[non2xx]}" -eq 0 ] && [ "$socket" -eq 0 ] || failed=1
  unset r
done
kill -0 $server 2>/dev/null || { echo "the server died during the run" >&2; cat "$log" >&2; exit 1; }
exit $failed
