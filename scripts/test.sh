#!/usr/bin/env bash
# Runs every test, on a fresh machine too: installs what the tests need (GDAL's command-line tools as an
# oracle, PostgreSQL 15 + PostGIS 3), starts PostGIS on loopback, runs `dotnet test` on the solution,
# stops PostGIS, and ends with one line `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
# the GDAL bridge loads libgdal.so.32 (Debian libgdal32, a dependency of gdal-bin)
[ -e /usr/lib/x86_64-linux-gnu/libgdal.so.32 ] || ldconfig -p 2>/dev/null | grep -q "libgdal.so.32 " || need+=(libgdal32)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
/usr/bin/python3 -c 'import osgeo' >/dev/null 2>&1 || need+=(python3-gdal) # gdal_polygonize.py, an oracle of the raster vectorizer
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
# the viewer's browser tests (headless Debian chromium via chromedriver), npm for OpenLayers, a CJK font for rendered maps
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
command -v npm >/dev/null 2>&1 || need+=(npm)
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-wqy-zenhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (apt)..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2 \
    || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 3; }
fi

export BOUNDARIES_PG_PORT=${BOUNDARIES_PG_PORT:-55432} BOUNDARIES_PG_DIR=${BOUNDARIES_PG_DIR:-/tmp/boundaries-pg}
if ! BOUNDARIES_PG=$(bash scripts/postgis.sh start); then
  echo "PostGIS did not start"; echo "0 passed, 1 failed"; exit 3
fi
export BOUNDARIES_PG
trap 'bash scripts/postgis.sh stop >/dev/null 2>&1' EXIT

log=$(mktemp)
dotnet test Boundaries.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 27, Skipped: 0, ..."
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
assemblies=$(grep -cE '^(Passed|Failed)! ' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before any test could report
fi
if [ "$skipped" -ne 0 ]; then
  echo "$skipped tests were skipped; CI runs every test" >&2
  failed=$((failed + skipped))
fi
echo "test assemblies reporting: $assemblies"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
