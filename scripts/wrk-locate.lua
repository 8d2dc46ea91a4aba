-- wrk script: single-point lookups at random points over the sample city's extent (or LOCATE_BBOX=minx,miny,maxx,maxy).
--   wrk -t1 -c16 -d20s --latency -s scripts/wrk-locate.lua http://127.0.0.1:5080
-- Each wrk thread builds a pool of LOCATE_POOL (default 8192) random requests once, in init, and cycles through it, so
-- the load generator (which shares the machine's cores with the server) spends its time on the network, not in Lua.
-- LOCATE_COUNT_PER_THREAD=N stops each thread after N answers (a fixed count; -d is then the upper bound); each thread
-- that stops appends a line to LOCATE_DONE_FILE, so the caller can end wrk (SIGINT) once all have (wrk itself sleeps -d).
-- Only then is a per-response hook installed (wrk parses every answer's headers when one is).
-- Non-2xx answers are counted by wrk itself (summary.errors.status), so a run full of errors does not pass for a fast one.
-- Used by scripts/bench-locate.sh and scripts/load.sh; the last line it prints ("RESULT key=value …") is for scripts.
local minx, miny, maxx, maxy = 116.86, 38.90, 117.15, 39.30
local box = os.getenv("LOCATE_BBOX")
if box then
  local v = {}
  for n in string.gmatch(box, "[^,]+") do v[#v + 1] = tonumber(n) end
  minx, miny, maxx, maxy = v[1], v[2], v[3], v[4]
end
local size = tonumber(os.getenv("LOCATE_POOL") or "") or 8192
local pool = {}
local next_index = 0

init = function(args)
  -- each thread has its own Lua state: seed it differently so threads do not send the same points
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  for k = 1, size do
    local x = minx + math.random() * (maxx - minx)
    local y = miny + math.random() * (maxy - miny)
    pool[k] = wrk.format("GET", string.format("/api/v1/locate?lon=%.7f&lat=%.7f", x, y))
  end
end

request = function()
  next_index = next_index + 1
  if next_index > size then next_index = 1 end
  return pool[next_index]
end

local limit = tonumber(os.getenv("LOCATE_COUNT_PER_THREAD") or "")
if limit then
  local answered = 0
  response = function(status)
    answered = answered + 1
    if answered == limit then
      local path = os.getenv("LOCATE_DONE_FILE")
      if path then
        local f = io.open(path, "a")
        if f then f:write("done\n"); f:close() end
      end
      wrk.thread:stop()
    end
  end
end

done = function(summary, latency)
  io.write(string.format("p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  requests %d  non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.requests, summary.errors.status))
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end
