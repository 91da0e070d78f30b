#!/usr/bin/env bash
# Efficiency of `perfgate run` against wrk: the same nginx target (100-byte body, keep-alive),
# 50 connections, 10 s, closed model. Generator on core 1, nginx on core 0. Prints requests per
# generator CPU-second (user+sys of the whole generator process, JVM start-up and JIT included)
# for both, and the ratio.
#   bench/run-vs-wrk.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
seconds=${1:-10}
connections=${2:-50}
need wrk wrk
need /usr/sbin/nginx nginx
need curl curl
need taskset util-linux
work=$(mktemp -d)
trap 'stop_nginx; rm -rf "$work"' EXIT

"$root/perfgate" --version >/dev/null   # builds the CLI if needed, outside the measurement
start_nginx 0 100
url="http://127.0.0.1:$NGINX_PORT/body"

cat > "$work/plan.yaml" <<PLAN
name: bench-closed
options:
  scenarios:
    closed:
      executor: constant-vus
      vus: $connections
      duration: ${seconds}s
      flow:
        - request: { name: body, url: "$url" }
PLAN

rounds=${ROUNDS:-3}
ratios=()
for round in $(seq "$rounds"); do
  # wrk: one thread (one core), $connections connections
  /usr/bin/time -f '%U %S' -o "$work/wrk.time" taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" "$url" > "$work/wrk.out"
  wrk_requests=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
  wrk_cpu=$(cpu_seconds "$work/wrk.time")

  # perfgate: same target, same connections (one keep-alive connection per VU); whole process
  # measured, JVM start-up and JIT compilation included
  /usr/bin/time -f '%U %S' -o "$work/perfgate.time" taskset -c 1 "$root/perfgate" run -q --no-color \
    --summary-export "$work/summary.json" "$work/plan.yaml" > "$work/perfgate.out" 2>/dev/null
  perfgate_requests=$(python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["metrics"]["http_reqs"]["values"]["count"]))' "$work/summary.json")
  perfgate_failed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["metrics"]["http_req_failed"]["values"]["rate"])' "$work/summary.json")
  perfgate_cpu=$(cpu_seconds "$work/perfgate.time")

  ratio=$(awk -v wr="$wrk_requests" -v wc="$wrk_cpu" -v pr="$perfgate_requests" -v pc="$perfgate_cpu" \
    'BEGIN { printf "%.2f", (pr / pc) / (wr / wc) }')
  ratios+=("$ratio")
  awk -v n="$round" -v wr="$wrk_requests" -v wc="$wrk_cpu" -v pr="$perfgate_requests" -v pc="$perfgate_cpu" \
      -v s="$seconds" -v pf="$perfgate_failed" -v r="$ratio" 'BEGIN {
    printf "round %d wrk throughput: %.0f req/s\n", n, wr / s
    printf "round %d wrk efficiency: %.0f req/cpu-s\n", n, wr / wc
    printf "round %d perfgate throughput: %.0f req/s\n", n, pr / s
    printf "round %d perfgate failed rate: %s\n", n, pf
    printf "round %d perfgate efficiency: %.0f req/cpu-s\n", n, pr / pc
    printf "round %d ratio perfgate/wrk efficiency: %s x\n", n, r
  }'
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "ratio perfgate/wrk efficiency (median of $rounds rounds): $median x"
