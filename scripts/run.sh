#!/usr/bin/env bash
# The main job on the embedded default: build the `boundaries` command; read, check and summarise the sample city
# (data/sample/tianjin-small.gpkg, a GeoPackage that QGIS and GDAL open directly); then serve the web map, the lookup
# API and OGC API Features on loopback (http://127.0.0.1:5080/ — Ctrl-C stops it).
#   BOUNDARIES_LANG=zh-CN   Chinese output
#   BOUNDARIES_NO_SERVE=1   stop after the summary
#   BOUNDARIES_URLS=...     where to serve (default http://127.0.0.1:5080)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Cli -c Release --nologo -v quiet >/dev/null
boundaries() { dotnet src/Cli/bin/Release/net10.0/boundaries.dll "$@"; }

city=${1:-data/sample/tianjin-small.gpkg}
if [ ! -f "$city" ]; then
  boundaries synth --seed 1 --size small --output "$city"
fi
echo "== info"
boundaries info "$city"
echo
echo "== validate (gaps, overlaps, slivers, near-miss edges, hierarchy, codes)"
boundaries validate "$city" || true
echo
echo "== enclaves (飞地)"
boundaries enclaves find "$city" || true
echo
echo "== the dirty sample city: what validate finds"
boundaries validate data/sample/tianjin-small-dirty.gpkg || true
if [ "${BOUNDARIES_NO_SERVE:-}" != "1" ]; then
  urls=${BOUNDARIES_URLS:-http://127.0.0.1:5080}
  echo
  echo "== serving $city: web map $urls/map/ , lookup $urls/api/v1/locate?lon=117.0&lat=39.1 , OGC API $urls/"
  boundaries serve --boundaries "$city" --urls "$urls"
fi
