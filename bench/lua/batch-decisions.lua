-- wrk: POST /decisions for the same 1,000 subjects (bench-batch-0 .. bench-batch-999) on one purpose: after the
-- first batch they are in memory, as a service's recurring list (a newsletter's recipients) would be.
-- The token comes with -H "Authorization: Bearer ...".
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local ids = {}
for i = 0, 999 do
  ids[#ids + 1] = '"bench-batch-' .. i .. '"'
end
wrk.body = '{"purposeId":"newsletter","subjectIds":[' .. table.concat(ids, ",") .. ']}'
