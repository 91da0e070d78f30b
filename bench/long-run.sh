#!/usr/bin/env bash
# Constant memory over long runs: constant-arrival-rate at 5,000 requests/s (250 iterations/s of a
# 20-request flow, so 20 request names, each with its own series) against nginx on loopback, for
# MINUTES minutes. Prints the Java heap in use after a full GC (jcmd GC.run + GC.heap_info) after
# 1 minute and after MINUTES minutes, their ratio, the per-second series points the run produced
# (all in the JSON output, checked) and errors. PASS when the later heap is within 10% of the first.
# Generator on core 1, nginx on core 0.
#   bench/long-run.sh [MINUTES]        default 10; the target is stated for 10
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
. "$root/bin/find-jdk.sh"
minutes=${1:-10}
rate=5000
names=20
need /usr/sbin/nginx nginx
need curl curl
need taskset util-linux
work=$(mktemp -d)
trap 'stop_nginx; rm -rf "$work"' EXIT

"$root/perfgate" --version >/dev/null   # builds the CLI if needed, outside the measurement
start_nginx 0 100
{
  echo "name: long-run"
  echo "options:"
  echo "  scenarios:"
  echo "    steady:"
  echo "      executor: constant-arrival-rate"
  echo "      rate: $(( rate / names ))"
  echo "      duration: $(( minutes * 60 + 10 ))s"
  echo "      preAllocatedVUs: 50"
  echo "      maxVUs: 200"
  echo "      flow:"
  for i in $(seq -w 1 "$names"); do
    echo "        - request: { name: req$i, url: \"http://127.0.0.1:$NGINX_PORT/body?n=$i\" }"
  done
} > "$work/plan.yaml"

PERFGATE_JAVA_OPTS="-Xmx1g -XX:MarkSweepDeadRatio=0" taskset -c 1 "$root/perfgate" run -q --no-color --no-store \
  --out "json=$work/run.json" --summary-export "$work/summary.json" "$work/plan.yaml" \
  > "$work/out.txt" 2> "$work/err.txt" &
pid=$!
sleep 60
heap_first=$(heap_after_gc "$pid")
rss_first=$(rss_kib "$pid")
sleep $(( minutes * 60 - 60 ))
heap_last=$(heap_after_gc "$pid")
rss_last=$(rss_kib "$pid")
status=0
wait "$pid" || status=$?
read -r requests failed points seconds vus_first vus_last < <(python3 - "$work/run.json" "$work/summary.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
metrics = json.load(open(sys.argv[2]))["metrics"]
requests = int(metrics["http_reqs"]["values"]["count"])
failed = round(metrics["http_req_failed"]["values"]["rate"] * requests)
seconds = {p["second"] for p in run["series"]}
vus_max = [p["values"]["value"] for p in run["series"] if p["name"] == "vus_max"]
print(requests, failed, len(run["series"]), len(seconds), int(vus_max[59]), int(vus_max[-1]))
PY
)
awk -v m="$minutes" -v h1="$heap_first" -v h2="$heap_last" -v r1="$rss_first" -v r2="$rss_last" \
    -v q="$requests" -v f="$failed" -v p="$points" -v s="$seconds" -v x="$status" -v d=$(( minutes * 60 + 10 )) \
    -v v1="$vus_first" -v v2="$vus_last" 'BEGIN {
  printf "heap used after GC at 1 min: %.1f MiB\n", h1 / 1024
  printf "heap used after GC at %d min: %.1f MiB\n", m, h2 / 1024
  printf "ratio heap %d min / 1 min: %.3f x\n", m, h2 / h1
  printf "RSS at 1 min: %.1f MiB\n", r1 / 1024
  printf "RSS at %d min: %.1f MiB\n", m, r2 / 1024
  printf "achieved rate: %.0f req/s\n", q / d
  printf "VUs allocated (vus_max) at 1 min: %d, at the end: %d\n", v1, v2
  printf "failed requests: %d (exit code %d)\n", f, x
  printf "per-second series points in the JSON output: %d over %d seconds\n", p, s
}'
ok=$(awk -v h1="$heap_first" -v h2="$heap_last" 'BEGIN { r = h2 / h1; print (r >= 0.9 && r <= 1.1) ? 1 : 0 }')
if [ "$seconds" -lt $(( minutes * 60 )) ]; then
  echo "long-run: the JSON output lacks seconds of the series"; ok=0
fi
[ "$ok" = 1 ] && [ "$failed" -eq 0 ] && [ "$status" -eq 0 ] && echo "long-run: PASS (heap within 10%)" || echo "long-run: FAIL"
