-- wrk script: single-point lookups at random points over the sample city's extent (or LOCATE_BBOX=minx,miny,maxx,maxy).
--   wrk -t1 -c16 -d20s --latency -s scripts/wrk-locate.lua http://127.0.0.1:5080
local minx, miny, maxx, maxy = 116.86, 38.90, 117.15, 39.30
local box = os.getenv("LOCATE_BBOX")
if box then
  local v = {}
  for n in string.gmatch(box, "[^,]+") do v[#v + 1] = tonumber(n) end
  minx, miny, maxx, maxy = v[1], v[2], v[3], v[4]
end
local seeded = false
request = function()
  if not seeded then
    math.randomseed(os.time() + math.floor(os.clock() * 1e6))
    seeded = true
  end
  local x = minx + math.random() * (maxx - minx)
  local y = miny + math.random() * (maxy - miny)
  return wrk.format("GET", string.format("/api/v1/locate?lon=%.7f&lat=%.7f", x, y))
end
-- Count non-200 answers so a run full of errors does not pass for a fast one.
local bad = 0
response = function(status)
  if status ~= 200 then bad = bad + 1 end
end
done = function(summary, latency)
  io.write(string.format("p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  requests %d  non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.requests, summary.errors.status))
end
