#!/usr/bin/env bash
# The main job on the embedded default: build the `boundaries` command, then read, check and summarise the
# sample city (data/sample/tianjin-small.gpkg, a GeoPackage that QGIS and GDAL open directly).
# Set BOUNDARIES_LANG=zh-CN for Chinese output.
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
echo "== normalize (1 mm grid, repairs)"
boundaries normalize "$city"
echo
echo "== the dirty sample city: what normalize finds and repairs"
boundaries normalize data/sample/tianjin-small-dirty.gpkg
