#!/usr/bin/env python3
"""Turns bench/run's raw figures into bench/results/latest.json and latest.md, and prints the table.

Usage: report.py MACHINE_JSON RAW_JSONL RUNS SECONDS_PER_RUN RESULTS_DIR

The targets table is also written into the root README, between its bench-table markers.

Every figure is given as min, median and max over the runs. A figure held to a limit of this machine is a
ratio computed run by run (run i of the figure over run i of its baseline). A target is judged on the
median; where the worst run misses a target the median meets, the report says so.
"""
import json
import os
import re
import statistics
import sys
from collections import defaultdict

machine_file, raw_file, runs, seconds, results = sys.argv[1:6]
machine = json.load(open(machine_file))
raw = defaultdict(dict)
for line in open(raw_file):
    if line.strip():
        r = json.loads(line)
        raw[r["figure"]][r["run"]] = float(r["value"])


def series(name):
    return [raw[name][k] for k in sorted(raw[name])]


def ratio(name, baseline):
    return [raw[name][k] / raw[baseline][k] for k in sorted(raw[name]) if k in raw[baseline] and raw[baseline][k]]


def stats(values):
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "runs": values}


# (key, what, unit, values, target text, predicate on a value, higher is better)
FIGURES = [
    ("decision_vs_trivial", "decision API requests/s at 32 connections, as a share of the trivial GET", "%",
     [100 * v for v in ratio("decision.requests_per_s", "http_trivial.requests_per_s")], ">= 70%", lambda v: v >= 70, True),
    ("decision_vs_trivial_auth", "decision API requests/s, as a share of the trivial GET behind the same token check (no target: shows what is the service's own)", "%",
     [100 * v for v in ratio("decision.requests_per_s", "http_trivial_auth.requests_per_s")], "-", None, True),
    ("decision_p99", "decision API p99 latency at 32 connections", "ms",
     series("decision.p99_ms"), "< 5 ms", lambda v: v < 5, False),
    ("batch_decision_p99", "batch of 1,000 decisions (POST /decisions, 4 connections), p99", "ms",
     series("batch_decision.p99_ms"), "< 20 ms", lambda v: v < 20, False),
    ("client_cached_p50", "consent-client: a decision from its cache (JMH, one call sampled at a time), median", "ns",
     series("client_cached.p50_ns"), "< 1,000 ns", lambda v: v < 1000, False),
    ("client_withdrawal_p99", "withdrawal committed -> both of two consent-client instances refuse, 100 changes/s, p99", "ms",
     series("client_withdrawal.p99_ms"), "< 250 ms", lambda v: v < 250, False),
    ("consent_change_vs_insert", "consent changes/s at 32 connections, as a share of raw single-row inserts", "%",
     [100 * v for v in ratio("consent_change.requests_per_s", "pg_insert.per_s")], ">= 50%", lambda v: v >= 50, True),
    ("ack_to_leaf_p99", "consent change acknowledged -> leaf in the audit log at 500 changes/s, p99", "ms",
     series("ack_to_leaf.p99_ms"), "< 500 ms", lambda v: v < 500, False),
    ("audit_append", "audit append rate, sustained (50,000-event backlog)", "events/s",
     series("audit_append.per_s"), ">= 2,000/s", lambda v: v >= 2000, True),
    ("inclusion_proof", "inclusion proof at 1,000,000 leaves (HTTP, one connection), median request (p99 below)", "ms",
     series("inclusion_proof.p50_ms"), "< 5 ms", lambda v: v < 5, False),
    ("verify_1m", "full verify of 1,000,000 leaves (POST /audit/verify)", "s",
     series("verify_1m.seconds"), "< 10 s", lambda v: v < 10, False),
    ("checkpoint_to_cosignature_p99", "new checkpoint -> its cosignature by the local witness (C2SP tlog-witness over HTTP, "
     "consistency proof included), p99 (no target: a witness elsewhere adds its network round trip)", "ms",
     series("cosign.p99_ms"), "-", None, False),
    ("sweep_1m", "retention sweep over 1,000,000 holdings, 10% due", "s",
     series("sweep_1m.seconds"), "< 10 s", lambda v: v < 10, False),
    ("erasure_p99", "erasure identity verified -> completed, 3 recipients, p99", "ms",
     series("erasure.p99_ms"), "< 2,000 ms", lambda v: v < 2000, False),
]

DETAILS = [
    ("http_trivial.requests_per_s", "baseline: trivial GET on a bare Quarkus app, requests/s (32 connections)", "req/s"),
    ("http_trivial.p99_ms", "baseline: trivial GET p99", "ms"),
    ("http_trivial_auth.requests_per_s", "baseline: trivial GET behind the services' bearer-token check, requests/s", "req/s"),
    ("http_trivial_auth.p99_ms", "baseline: trivial GET behind the token check, p99", "ms"),
    ("decision.requests_per_s", "decision API requests/s (32 connections)", "req/s"),
    ("client_withdrawal.p50_ms", "withdrawal committed -> both consent-client instances refuse, p50", "ms"),
    ("decision.p50_ms", "decision API p50", "ms"),
    ("batch_decision.requests_per_s", "batches of 1,000 decisions/s (4 connections)", "req/s"),
    ("batch_decision.p50_ms", "batch of 1,000 decisions, p50", "ms"),
    ("pg_insert.per_s", "baseline: pgbench single-row inserts/s (32 clients)", "tx/s"),
    ("consent_change.requests_per_s", "consent changes/s (32 connections)", "req/s"),
    ("consent_change.p99_ms", "consent change p99", "ms"),
    ("consent_change.transactions_per_change", "database transactions per consent change, platform-wide (relay and consumers included)", "tx"),
    ("kafka_produce.per_s", "baseline: Kafka ProducerPerformance, 300-byte records, acks=all", "records/s"),
    ("kafka_e2e.p50_ms", "baseline: Kafka EndToEndLatency p50 (acks=all)", "ms"),
    ("kafka_e2e.p99_ms", "baseline: Kafka EndToEndLatency p99 (acks=all)", "ms"),
    ("ack_to_leaf.rate", "consent changes/s actually sent while measuring acknowledged -> leaf (500 asked)", "changes/s"),
    ("ack_to_leaf.p50_ms", "consent change acknowledged -> leaf, p50", "ms"),
    ("cosign.p50_ms", "new checkpoint -> its cosignature by the local witness, p50", "ms"),
    ("inclusion_proof.p99_ms", "inclusion proof at 1,000,000 leaves, p99", "ms"),
    ("inclusion_proof.requests_per_s", "inclusion proofs/s at 1,000,000 leaves (one connection)", "req/s"),
    ("erasure.p50_ms", "erasure verified -> completed, p50", "ms"),
]


def fmt(v):
    if v >= 1000:
        return f"{v:,.0f}"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


out = {"machine": machine, "runs": int(runs), "seconds_per_run": int(seconds), "targets": [], "figures": {}}
rows = []
for key, what, unit, values, target, ok, higher_better in FIGURES:
    if not values:
        rows.append((what, "-", "-", "-", unit, target, "NOT MEASURED"))
        out["targets"].append({"figure": key, "what": what, "unit": unit, "target": target, "verdict": "not measured"})
        continue
    s = stats(values)
    if ok is None:
        rows.append((what, fmt(s["min"]), fmt(s["median"]), fmt(s["max"]), unit, target, "-"))
        out["targets"].append({"figure": key, "what": what, "unit": unit, "target": None, **s, "verdict": None})
        continue
    worst = s["min"] if higher_better else s["max"]
    verdict = ("met" if ok(worst) else "met by the median, missed in the worst run") if ok(s["median"]) else "MISSED"
    if key == "ack_to_leaf_p99" and raw.get("ack_to_leaf.rate"):
        sustained = statistics.median(series("ack_to_leaf.rate"))
        if sustained < 0.95 * 500:
            verdict = f"MISSED: only {sustained:.0f} changes/s could be sent, not 500"
    rows.append((what, fmt(s["min"]), fmt(s["median"]), fmt(s["max"]), unit, target, verdict))
    out["targets"].append({"figure": key, "what": what, "unit": unit, "target": target, **s, "verdict": verdict})
detail_rows = []
for name, what, unit in DETAILS:
    if raw.get(name):
        s = stats(series(name))
        out["figures"][name] = {"what": what, "unit": unit, **s}
        detail_rows.append((what, fmt(s["min"]), fmt(s["median"]), fmt(s["max"]), unit))

json.dump(out, open(f"{results}/latest.json", "w"), indent=2)

m = machine
md = [f"# Benchmark results, {m['date']}", "",
      f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_mib']:,} MiB, {m['java']}, PostgreSQL {m['postgresql']}, "
      f"Kafka {m['kafka']}; {m['os']}. Each figure: min / median / max over {runs} runs "
      f"(wrk and pgbench runs of {seconds} s). Produced by `./platform bench`; how each figure is measured: "
      "[bench/README.md](../README.md).", "",
      "## Targets", "",
      "| figure | min | median | max | unit | target | verdict |", "|---|---:|---:|---:|---|---|---|"]
md += [f"| {' | '.join(r)} |" for r in rows]
md += ["", "## Baselines and details", "", "| figure | min | median | max | unit |", "|---|---:|---:|---:|---|"]
md += [f"| {' | '.join(r)} |" for r in detail_rows]
open(f"{results}/latest.md", "w").write("\n".join(md) + "\n")

readme = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "README.md")
if os.path.exists(readme):
    table = "\n".join(md[md.index("## Targets") + 2:md.index("## Baselines and details") - 1])
    block = (f"<!-- bench-table: written from bench/results/latest.md -->\nLatest run, {m['date']}, on {m['cores']} cores "
             f"({m['cpu']}), {m['memory_mib']:,} MiB, {m['java']}:\n\n{table}\n<!-- /bench-table -->")
    text = open(readme).read()
    updated = re.sub(r"<!-- bench-table:.*?<!-- /bench-table -->", lambda _: block, text, flags=re.S)
    if updated != text:
        open(readme, "w").write(updated)
print("\n".join(md))
missed = [r[0] for r in rows if r[6].startswith(("MISSED", "NOT MEASURED"))]
if missed:
    print(f"\n{len(missed)} of {len(rows)} targets missed or not measured.")
