#!/usr/bin/env bash
# `perfgate ab --mode sequential` against `--mode duet` on the same A/A pair (issue: duet
# benchmarking, Bulej et al. 2020). A throwaway git repo as in bench/ab-demo.sh: the demo service
# (a fresh JVM per trial) as the system under test, a short constant-arrival-rate plan; each mode
# runs the same number of trials. The figure is the width of the confidence interval of the change
# of `http_req_duration med` (ciHighPercent - ciLowPercent, from --out json=): on an A/A pair the
# true change is 0, so a narrower interval is a more sensitive gate.
#   bench/ab-modes.sh [TRIALS] [PLAN_SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
trials=${1:-6}
seconds=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$root/perfgate" --version >/dev/null   # build outside the measurement

ab_demo_repo "$work" ab-modes "$trials" "$seconds"

for mode in sequential duet; do
  start=$(date +%s.%N)
  set +e
  "$root/perfgate" ab --base main --head HEAD --no-color --mode "$mode" --out "json=$work/$mode.json" \
    > "$work/$mode.out" 2> "$work/$mode.err"
  code=$?
  set -e
  end=$(date +%s.%N)
  [ -f "$work/$mode.json" ] || { cat "$work/$mode.err" >&2; exit 1; }
  grep -E "^perfgate: (duet|warning)" "$work/$mode.err" || true
  python3 - "$work/$mode.json" "$mode" "$code" "$start" "$end" "$trials" <<'PY'
import json, sys
path, mode, code, start, end, trials = sys.argv[1:]
comparison = json.load(open(path))
for metric in comparison["metrics"]:
    if metric["name"] == "http_req_duration" and not metric["tags"] and metric["statistic"] == "med":
        # unbounded values (too few trials) are written as the strings "Infinity"/"-Infinity"
        s = {k: (float(v) if k.endswith("Percent") else v) for k, v in metric["statistics"].items()}
        print(f"ab {mode} http_req_duration med change: {s['changePercent']:+.2f} %")
        print(f"ab {mode} http_req_duration med CI: [{s['ciLowPercent']:+.2f}, {s['ciHighPercent']:+.2f}] %")
        print(f"ab {mode} http_req_duration med CI width: {s['ciHighPercent'] - s['ciLowPercent']:.2f} %")
        print(f"ab {mode} verdict: {s['verdict']}")
print(f"ab {mode} overall: {comparison['overall']} (exit code {code})")
print(f"ab {mode} wall time: {float(end) - float(start):.1f} s ({trials} trials per side)")
PY
done
python3 - "$work/sequential.json" "$work/duet.json" <<'PY'
import json, sys
def width(path):
    for metric in json.load(open(path))["metrics"]:
        if metric["name"] == "http_req_duration" and not metric["tags"] and metric["statistic"] == "med":
            return metric["statistics"]["ciHighPercent"] - metric["statistics"]["ciLowPercent"]
sequential, duet = width(sys.argv[1]), width(sys.argv[2])
print(f"ab CI width ratio sequential/duet: {sequential / duet:.2f} x")
PY
