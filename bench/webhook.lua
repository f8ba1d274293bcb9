-- wrk script: posts the signed webhooks a file of dev.atelier.bench.WebhookRequests holds, each once, shared out
-- between wrk's threads (thread k of n takes lines k, k+n, ...). A thread that runs out starts its share again; the
-- platform answers those repeats as duplicates and applies nothing, so the script counts applied events separately.
-- Usage: wrk -s bench/webhook.lua <url> -- <file> <host> <threads>
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local file, host, threads = args[1], args[2], tonumber(args[3])
  mine, next_index, path = {}, 1, wrk.path
  headers = { ["Host"] = host, ["Content-Type"] = "application/json" }
  local line_no = 0
  for line in io.lines(file) do
    if line_no % threads == id then
      local event, timestamp, signature, body = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)")
      mine[#mine + 1] = { event, timestamp, signature, body }
    end
    line_no = line_no + 1
  end
end

function request()
  local r = mine[next_index]
  next_index = next_index % #mine + 1
  headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"] = r[1], r[2], r[3]
  return wrk.format("POST", path, headers, r[4])
end
