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

# wrk: one thread (one core), 50 connections
/usr/bin/time -f '%U %S' -o "$work/wrk.time" taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" "$url" > "$work/wrk.out"
wrk_requests=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
wrk_cpu=$(cpu_seconds "$work/wrk.time")

# perfgate: same target, same connections (one keep-alive connection per VU)
/usr/bin/time -f '%U %S' -o "$work/perfgate.time" taskset -c 1 "$root/perfgate" run -q --no-color \
  --summary-export "$work/summary.json" "$work/plan.yaml" > "$work/perfgate.out"
perfgate_requests=$(python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["metrics"]["http_reqs"]["values"]["count"]))' "$work/summary.json")
perfgate_failed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["metrics"]["http_req_failed"]["values"]["rate"])' "$work/summary.json")
perfgate_cpu=$(cpu_seconds "$work/perfgate.time")

awk -v wr="$wrk_requests" -v wc="$wrk_cpu" -v pr="$perfgate_requests" -v pc="$perfgate_cpu" -v s="$seconds" -v pf="$perfgate_failed" 'BEGIN {
  printf "wrk requests: %d\n", wr
  printf "wrk cpu: %.2f s\n", wc
  printf "wrk throughput: %.0f req/s\n", wr / s
  printf "wrk efficiency: %.0f req/cpu-s\n", wr / wc
  printf "perfgate requests: %d\n", pr
  printf "perfgate failed rate: %s\n", pf
  printf "perfgate cpu: %.2f s\n", pc
  printf "perfgate throughput: %.0f req/s\n", pr / s
  printf "perfgate efficiency: %.0f req/cpu-s\n", pr / pc
  printf "ratio perfgate/wrk efficiency: %.2f x\n", (pr / pc) / (wr / wc)
}'
