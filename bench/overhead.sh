#!/usr/bin/env bash
# Overhead of measurement: perfgate's p50 against wrk's p50 on the same server with a fixed 1 ms
# delay, about 1000 requests/s, in the same script run (wrk, a C tool, is the reference view of the
# server). PASS when |perfgate p50 - wrk p50| <= 0.1 ms.
#   bench/overhead.sh [SECONDS] [DELAY_MS]       (defaults 10 s, 1 ms)     env: ROUNDS (3), WARMUP (3 s)
#
# Same load shape for both: one keep-alive connection, one request at a time, the next sent as
# soon as the previous answer is read (wrk -t1 -c1; perfgate constant-vus with 1 VU). With a 1 ms
# server that is ~1000 requests/s, and both tools time the same thing, send to last byte, so any
# difference is the tools' own overhead in what they report. (An open model would add its start-time
# accounting, which wrk does not have; the open model's truth is bench/latency-truth.sh's job.)
# wrk and perfgate alternate for ROUNDS rounds; each round prints both p50s and the difference, and
# the verdict is on the median difference (on a shared machine the load drifts between rounds).
# Server on core 0, generators on core 1. perfgate gets WARMUP seconds under a different request
# name first (JIT), not measured.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
. "$root/bench/delay-server.sh"
seconds=${1:-10}
delay=${2:-1}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-3}
need wrk wrk
need taskset util-linux
need python3 python3
work=$(mktemp -d)
trap 'stop_delay_server; rm -rf "$work"' EXIT

build_perfgate
start_delay_server 0 "$delay"
url="http://127.0.0.1:$DELAY_PORT/"
wrk_percentiles_lua "$work/percentiles.lua"
cat > "$work/plan.yaml" <<PLAN
name: overhead
options:
  scenarios:
    warmup:
      executor: constant-vus
      vus: 1
      duration: ${warmup}s
      gracefulStop: 1s
      flow:
        - request: { name: warmup, url: "$url" }
    measure:
      executor: constant-vus
      startTime: ${warmup}s
      vus: 1
      duration: ${seconds}s
      gracefulStop: 1s
      flow:
        - request: { name: measure, url: "$url" }
PLAN

differences=()
for round in $(seq "$rounds"); do
  taskset -c 1 wrk -t1 -c1 -d"${seconds}s" -s "$work/percentiles.lua" "$url" > "$work/wrk.out"
  wrk_p50=$(awk '/^wrk p50:/ { print $3 }' "$work/wrk.out")
  wrk_requests=$(awk '/^wrk requests:/ { print $3 }' "$work/wrk.out")
  taskset -c 1 "$root/perfgate" run -q --no-color --no-store --summary-export "$work/summary.json" "$work/plan.yaml" \
    > "$work/perfgate.out" 2>&1 || { cat "$work/perfgate.out" >&2; exit 1; }
  perfgate_p50=$(summary_value "$work/summary.json" "http_req_duration{name:measure}" med)
  perfgate_requests=$(summary_value "$work/summary.json" "http_req_duration{name:measure}" count)
  if [ "${perfgate_requests%.*}" -eq 0 ] || [ "${wrk_requests:-0}" -eq 0 ]; then
    echo "bench: no requests measured (perfgate: $perfgate_requests, wrk: ${wrk_requests:-0}); perfgate said:" >&2
    cat "$work/perfgate.out" >&2
    exit 1
  fi
  difference=$(awk -v p="$perfgate_p50" -v w="$wrk_p50" 'BEGIN { printf "%.3f", p - w }')
  differences+=("$difference")
  awk -v n="$round" -v w="$wrk_p50" -v p="$perfgate_p50" -v d="$difference" -v wr="$wrk_requests" \
      -v pr="$perfgate_requests" -v s="$seconds" 'BEGIN {
    printf "round %d wrk rate: %.0f req/s\n", n, wr / s
    printf "round %d perfgate rate: %.0f req/s\n", n, pr / s
    printf "round %d wrk p50: %.3f ms\n", n, w
    printf "round %d perfgate p50: %.3f ms\n", n, p
    printf "round %d p50 difference perfgate - wrk: %+.3f ms\n", n, d
  }'
done
median=$(printf '%s\n' "${differences[@]}" | sort -g \
  | awk '{ a[NR] = $1 } END { printf "%.3f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
verdict=$(awk -v d="$median" 'BEGIN { print (d <= 0.1 && d >= -0.1) ? "PASS" : "FAIL" }')
echo "p50 difference perfgate - wrk (median of $rounds rounds): $median ms"
echo "overhead verdict (|difference| <= 0.1 ms): $verdict"
