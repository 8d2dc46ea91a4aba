#!/usr/bin/env bash
# Whole-process timing on the same generated NMEA log (GGA, RMC, GSA, GST at 10 Hz, valid checksums):
#   boundaries survey import LOG          (reads, checks every checksum, decodes every field, reports)
#   gpsbabel -i nmea -f LOG -o gpx -F OUT (Debian package gpsbabel)
# Usage: scripts/compare-gpsbabel.sh [LINES]   (default 1,000,000). Installs gpsbabel and hyperfine with apt if missing.
# Prints hyperfine's table and lines per second for each, and checks both tools found every epoch.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}

need=()
command -v gpsbabel >/dev/null 2>&1 || need+=(gpsbabel)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (apt)..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$work/log.nmea"

python3 - "$lines" "$log" <<'PY'
import random, sys, datetime
lines, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(1)
start = datetime.datetime(2024, 5, 31, 20, 0, 0)
lat, lon = 39.1, 117.2
def ddmm(v, width):
    d = int(v); return f"{d:0{width}d}{(v - d) * 60:011.8f}"
def cs(s):
    x = 0
    for c in s: x ^= ord(c)
    return f"${s}*{x:02X}\r\n"
n = 0
with open(path, "w", newline="") as f:
    epoch = 0
    while n < lines:
        t = start + datetime.timedelta(milliseconds=100 * epoch)
        lat += 1e-7 + rnd.random() * 1e-8; lon += 2e-7 + rnd.random() * 1e-8
        fixed = epoch % 1000 < 950
        hms = t.strftime("%H%M%S") + f".{t.microsecond // 10000:02d}"
        la, lo = ddmm(lat, 2) + ",N", ddmm(lon, 3) + ",E"
        sg = 0.008 + rnd.random() * 0.01 if fixed else 0.12 + rnd.random() * 0.2
        for s in (f"GNGGA,{hms},{la},{lo},{4 if fixed else 5},{18 + rnd.randrange(8)},{0.6 + rnd.random():.1f},{3.5 + rnd.random():.3f},M,-7.912,M,1.0,0001",
                  f"GNRMC,{hms},A,{la},{lo},{0.9 + rnd.random() * 0.2:.3f},{62 + rnd.random():.2f},{t:%d%m%y},,,{'R' if fixed else 'F'},V",
                  f"GNGSA,A,3,02,05,07,09,13,15,18,20,23,27,29,30,1.2,{0.6 + rnd.random():.1f},1.0,1",
                  f"GNGST,{hms},0.5,{sg * 1.2:.3f},{sg * 0.8:.3f},45.0,{sg:.3f},{sg * 0.9:.3f},{sg * 2:.3f}"):
            if n >= lines: break
            f.write(cs(s)); n += 1
        epoch += 1
PY
echo "generated $(wc -l < "$log") lines ($(du -h "$log" | cut -f1)) in $log" >&2

dotnet publish src/Cli -c Release -o "$work/cli" --nologo -v quiet >&2
cli="$work/cli/boundaries"

# both tools must see every epoch: 4 lines per epoch
epochs=$(( (lines + 3) / 4 ))
ours=$("$cli" survey import "$log" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["files"][0]["points"])')
gpsbabel -i nmea -f "$log" -o gpx -F "$work/out.gpx"
theirs=$(grep -c '<trkpt' "$work/out.gpx")
echo "epochs: expected $epochs, boundaries $ours, gpsbabel $theirs" >&2
[ "$ours" -eq "$epochs" ] && [ "$theirs" -eq "$epochs" ] || { echo "point counts differ" >&2; exit 1; }

hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$work/timing.json" \
  -n boundaries "$cli survey import $log --format json > /dev/null" \
  -n gpsbabel "gpsbabel -i nmea -f $log -o gpx -F $work/out.gpx"

python3 - "$work/timing.json" "$lines" <<'PY'
import json, sys
runs, lines = json.load(open(sys.argv[1]))["results"], int(sys.argv[2])
for r in runs:
    print(f"{r['command']:<11} mean {r['mean']:.3f} s ± {r['stddev']:.3f}  ->  {lines / r['mean']:,.0f} lines/s (whole process)")
b = {r['command']: r['mean'] for r in runs}
print(f"boundaries is {b['gpsbabel'] / b['boundaries']:.1f}x faster than gpsbabel on this log")
PY
