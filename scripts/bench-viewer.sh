#!/usr/bin/env bash
# Times the web map on the full-size sample city (about 950,000 vertices) in headless Debian chromium:
#   1. builds `boundaries`, synthesizes the city (seed 1, full size) unless it is already there;
#   2. starts `boundaries serve` on it (loopback) and waits until every level's per-zoom geometry is built (the server
#      does that in the background after it starts listening; the time is printed);
#   3. runs scripts/bench-viewer/bench.mjs (node + playwright-core driving /usr/bin/chromium, nothing downloaded):
#      open time over RUNS fresh pages (median), pan steps at three zooms, frame times of an animated pan.
# Usage: scripts/bench-viewer.sh [RUNS]   (default 5)
#   BOUNDARIES_BENCH_DIR   where the city is kept (default /tmp/boundaries-bench-viewer)
#   BOUNDARIES_BENCH_PORT  HTTP port (default 5098)
#   BOUNDARIES_BENCH_NICE  e.g. -10 (root): server and browser get that nice value for their scheduling groups, an
#                          approximation of a quiet machine when others share it (the figures say it was set)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=${BOUNDARIES_BENCH_DIR:-/tmp/boundaries-bench-viewer}
port=${BOUNDARIES_BENCH_PORT:-5098}
url=http://127.0.0.1:$port
mkdir -p "$work"
[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
[ -d scripts/bench-viewer/node_modules/playwright-core ] || (cd scripts/bench-viewer && npm ci --no-audit --no-fund >/dev/null)
dotnet build src/Cli -c Release --nologo -v quiet >/dev/null
boundaries() { dotnet src/Cli/bin/Release/net10.0/boundaries.dll "$@"; }

echo "== data"
[ -f "$work/city.gpkg" ] || boundaries synth --seed 1 --size full --output "$work/city.gpkg" >/dev/null 2>&1
boundaries info "$work/city.gpkg" | grep -E '^(divisions|vertices)'

echo "== serve"
start=$(date +%s.%N)
dotnet src/Cli/bin/Release/net10.0/boundaries.dll serve --boundaries "$work/city.gpkg" --urls "$url" >"$work/serve.log" 2>&1 &
server=$!
[ -z "${BOUNDARIES_BENCH_NICE:-}" ] || echo "$BOUNDARIES_BENCH_NICE" >/proc/$server/autogroup
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; [ -z "${BOUNDARIES_BENCH_NICE:-}" ] || echo 0 >/proc/$$/autogroup' EXIT
until curl -sf -o /dev/null "$url/conformance"; do
  kill -0 $server 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 0.5
done
listening=$(date +%s.%N)
# zoom 0 is the last step of each level's pyramid (14 down to 0): answered once the whole pyramid is built
for level in $(curl -sf "$url/collections" | grep -oE '"id":"[a-z]+"' | cut -d'"' -f4); do
  curl -sf -o /dev/null "$url/collections/$level/items?limit=10000&zoom=0"
done
built=$(date +%s.%N)
awk -v s="$start" -v l="$listening" -v b="$built" \
  'BEGIN { printf "listening after %.1f s (file read, locator built); per-zoom geometry built %.1f s later\n", l - s, b - l }'

echo "== browser ($runs runs)"
node scripts/bench-viewer/bench.mjs "$url/" "$runs"
echo "(machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)${BOUNDARIES_BENCH_NICE:+; server and browser at autogroup nice $BOUNDARIES_BENCH_NICE})"
