#!/usr/bin/env bash
# The budget of `perfgate ab` (issue: 10 interleaved trials on the bundled demo service in under
# 5 minutes on this 2-core machine). A throwaway git repo holds a perfgate.yaml whose system under
# test is the demo service (`perfgate demo --serve --port ${PORT}`, a fresh JVM per trial) and a
# 5-second constant-arrival-rate plan; `perfgate ab` runs it A/A (the same commit on both sides).
#   bench/ab-demo.sh [TRIALS] [PLAN_SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
trials=${1:-10}
seconds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$root/perfgate" --version >/dev/null   # build outside the measurement

ab_demo_repo "$work" ab-demo "$trials" "$seconds"

start=$(date +%s.%N)
set +e
"$root/perfgate" ab --base main --head HEAD --no-color > "$work/ab.out" 2> "$work/ab.err"
code=$?
set -e
end=$(date +%s.%N)
tail -n 25 "$work/ab.out"
awk -v s="$start" -v e="$end" -v t="$trials" -v p="$seconds" -v c="$code" 'BEGIN {
  printf "ab trials per side: %d\n", t
  printf "ab plan duration: %d s\n", p
  printf "ab exit code: %d\n", c
  printf "ab wall time: %.1f s\n", e - s
  printf "ab wall time per trial: %.1f s\n", (e - s) / (2 * t)
  printf "budget (10 trials per side < 300 s): %s\n", (t == 10 ? ((e - s) < 300 ? "PASS" : "FAIL") : "n/a (not 10 trials)")
}'
