-- wrk: each request records a consent for a subject of its own (a real change: current state, history row
-- and outbox event in one transaction). The token comes with -H "Authorization: Bearer ...".
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"granted":true,"noticeVersion":"1.0","source":"api"}'

function init(args)
  -- each wrk thread has its own Lua state: seed each differently so that subjects never repeat
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
  prefix = args[1] or "run"
end

function request()
  return wrk.format(nil, "/subjects/bench-" .. prefix .. "-" .. math.random(1, 2000000000) .. "/consents/newsletter")
end
