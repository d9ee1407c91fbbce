-- wrk: an inclusion proof for a random leaf of the 1,000,000-leaf bench log, against its full size.
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
end

function request()
  return wrk.format("GET", "/audit/proofs/inclusion/bench-" .. math.random(0, 999999) .. "?treeSize=1000000")
end
