-- Script for wrk (bench/src/probes/http-load.ts): rotates through the paths listed in the file
-- named by the first argument, if any, counts non-2xx responses, and prints one JSON line at the
-- end with the totals and latency percentiles (wrk's own text summary is not parsed).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local paths = {}
local next_path = 1
-- Global, not local: done() reads it from each thread with thread:get().
non2xx = 0

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do
      if line ~= "" then table.insert(paths, line) end
    end
  end
end

function request()
  if #paths == 0 then return wrk.request() end
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format(nil, path)
end

function response(status)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency)
  local total_non2xx = 0
  for _, thread in ipairs(threads) do total_non2xx = total_non2xx + (thread:get("non2xx") or 0) end
  local e = summary.errors
  io.write(string.format(
    '\nWRK_RESULT {"durationUs":%d,"requests":%d,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50Us":%d,"p99Us":%d}\n',
    summary.duration, summary.requests, total_non2xx, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
