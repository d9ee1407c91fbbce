-- wrk: after the run, one JSON line with the figures bench/run keeps (latencies in microseconds).
function done(summary, latency, requests)
  io.write(string.format('{"requests_per_s": %.1f, "p50_us": %d, "p99_us": %d, "mean_us": %.1f, "errors": %d, "requests": %d}\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99), latency.mean,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    summary.requests))
end
