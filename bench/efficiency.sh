#!/usr/bin/env bash
# Generator efficiency (issue 4, target 1): requests per generator CPU-second (user+sys of the
# whole generator process) for a closed model, CONNECTIONS keep-alive connections, 100-byte
# responses from nginx (1 worker) pinned to core 0, every generator pinned to core 1 in turn:
#   wrk (-t1, the reference), perfgate (`perfgate run`, the launcher's default JVM flags; JVM
#   start-up, JIT, plan parsing and the summary included; its VUs on event loops), perfgate-vthreads
#   (the same with `--vu-threads`: one virtual thread per VU, the engine's model before), hey (Debian), ab -k (Debian
#   apache2-utils), autocannon (npm, installed into a cache directory) and Locust (Debian
#   python3-locust; headless, FastHttpUser, one process, no wait time).
# Tools alternate within each round (the machine's load drifts); per tool the script prints each
# round's figures, then the median efficiency over the rounds and the median of the per-round
# ratios against wrk.
#   bench/efficiency.sh [SECONDS] [CONNECTIONS]
#   env: ROUNDS (default 3), TOOLS (default "wrk perfgate perfgate-vthreads hey ab autocannon locust"; wrk is always
#        run), PERFGATE_JAVA_OPTS (extra JVM options for perfgate, e.g. to compare GCs),
#        PERFGATE_VARIANTS ("label=jvm options;label=jvm options": perfgate run once per variant
#        in each round, to choose the launcher's default flags by measurement),
#        AUTOCANNON_DIR (default ~/.cache/perfgate-bench/autocannon)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
seconds=${1:-20}
connections=${2:-50}
rounds=${ROUNDS:-3}
tools=${TOOLS:-wrk perfgate perfgate-vthreads hey ab autocannon locust}
autocannon_dir=${AUTOCANNON_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/perfgate-bench/autocannon}
need wrk wrk
need /usr/sbin/nginx nginx
need curl curl
need taskset util-linux
has() { [[ " $tools " == *" $1 "* ]]; }
has hey && need hey hey
has ab && need ab apache2-utils
has locust && need locust python3-locust
if has autocannon; then
  need node nodejs
  need npm npm
  if [ ! -x "$autocannon_dir/node_modules/.bin/autocannon" ]; then
    mkdir -p "$autocannon_dir"
    npm install --silent --no-audit --no-fund --prefix "$autocannon_dir" autocannon@7 >/dev/null
  fi
fi
work=$(mktemp -d)
trap 'stop_nginx; rm -rf "$work"' EXIT

start_nginx 0 100
url="http://127.0.0.1:$NGINX_PORT/body"
if has perfgate; then
  # Outside the measurement: build the CLI if needed, and create the history store with a 1 s run
  # (perfgate stores every run, as users do: a user's store exists after the first run).
  cat > "$work/setup.yaml" <<PLAN
name: bench-setup
options:
  scenarios:
    setup: { executor: constant-vus, vus: 1, duration: 1s, flow: [ { request: { name: body, url: "$url" } } ] }
PLAN
  "$root/perfgate" run -q --no-color --store "$work/history.db" "$work/setup.yaml" >/dev/null
fi

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
cat > "$work/locustfile.py" <<'PY'
from locust import constant, task
from locust.contrib.fasthttp import FastHttpUser

class Body(FastHttpUser):
    wait_time = constant(0)

    @task
    def body(self):
        self.client.get("/body")
PY

# timed TOOL CMD...: runs CMD on core 1 under /usr/bin/time; its CPU goes to $work/TOOL.time
timed() {
  local tool=$1
  shift
  /usr/bin/time -f '%U %S' -o "$work/$tool.time" taskset -c 1 "$@" > "$work/$tool.out" 2> "$work/$tool.err"
}

# run_TOOL: runs one measurement and prints the number of successful requests
run_wrk() {
  timed wrk wrk -t1 -c"$connections" -d"${seconds}s" "$url"
  awk '/requests in/ { print $1 }' "$work/wrk.out"
}
run_perfgate() { # run_perfgate LABEL [JVM OPTIONS [RUN OPTIONS]]
  local label=$1
  PERFGATE_JAVA_OPTS="${2:-${PERFGATE_JAVA_OPTS:-}}" timed "$label" "$root/perfgate" run -q --no-color ${3:-} \
    --store "$work/history.db" --summary-export "$work/summary.json" "$work/plan.yaml"
  python3 - "$work/summary.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
total = m["http_reqs"]["values"]["count"]
failed = m["http_req_failed"]["values"]["rate"]
print(int(round(total * (1 - failed))))
PY
}
run_hey() {
  timed hey hey -z "${seconds}s" -c "$connections" -cpus 1 "$url"
  awk '/\[200\]/ { print $2 }' "$work/hey.out"
}
run_ab() {
  # -n: ab stops at 50000 requests when only -t is given
  timed ab ab -q -k -c "$connections" -t "$seconds" -n 100000000 "$url"
  awk '/^Complete requests:/ { c = $3 } /^Failed requests:/ { f = $3 } END { print c - f }' "$work/ab.out"
}
run_autocannon() {
  timed autocannon node "$autocannon_dir/node_modules/autocannon/autocannon.js" -j -c "$connections" -d "$seconds" "$url"
  python3 -c 'import json,sys; r = json.load(open(sys.argv[1])); print(r["2xx"])' "$work/autocannon.out"
}
run_locust() {
  timed locust locust -f "$work/locustfile.py" --headless --only-summary -u "$connections" -r "$connections" \
    -t "${seconds}s" --host "http://127.0.0.1:$NGINX_PORT" --csv "$work/locust" --loglevel WARNING
  python3 - "$work/locust_stats.csv" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1])):
    if row["Name"] == "Aggregated":
        print(int(row["Request Count"]) - int(row["Failure Count"]))
PY
}

labels=()
declare -A kind=() opts=()
for tool in wrk $tools; do
  [ "$tool" = wrk ] && [ ${#labels[@]} -gt 0 ] && continue
  if [ "$tool" = perfgate ] && [ -n "${PERFGATE_VARIANTS:-}" ]; then
    IFS=';' read -ra variants <<< "$PERFGATE_VARIANTS"
    for variant in "${variants[@]}"; do
      label="perfgate[${variant%%=*}]"
      labels+=("$label"); kind[$label]=perfgate; opts[$label]=${variant#*=}
    done
  else
    labels+=("$tool"); kind[$tool]=$tool
  fi
done

results="$work/results.txt" # round label requests cpu efficiency ratio
for round in $(seq "$rounds"); do
  wrk_efficiency=""
  for label in "${labels[@]}"; do
    if [ "${kind[$label]}" = perfgate ]; then
      requests=$(run_perfgate "$label" "${opts[$label]:-}")
    elif [ "$label" = perfgate-vthreads ]; then
      requests=$(run_perfgate "$label" "" --vu-threads)
    else
      requests=$(run_"${kind[$label]}")
    fi
    cpu=$(cpu_seconds "$work/$label.time")
    efficiency=$(awk -v r="$requests" -v c="$cpu" 'BEGIN { printf "%.0f", r / c }')
    [ "$label" = wrk ] && wrk_efficiency=$efficiency
    ratio=$(awk -v e="$efficiency" -v w="$wrk_efficiency" 'BEGIN { printf "%.2f", e / w }')
    echo "$round $label $requests $cpu $efficiency $ratio" >> "$results"
    awk -v n="$round" -v l="$label" -v r="$requests" -v c="$cpu" -v s="$seconds" -v e="$efficiency" -v x="$ratio" 'BEGIN {
      printf "round %d %s throughput: %.0f req/s\n", n, l, r / s
      printf "round %d %s cpu: %.2f s\n", n, l, c
      printf "round %d %s efficiency: %s req/cpu-s\n", n, l, e
      if (l != "wrk") printf "round %d ratio %s/wrk efficiency: %s x\n", n, l, x
    }'
  done
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "duration: $seconds s, connections: $connections, rounds: $rounds"
for label in "${labels[@]}"; do
  efficiency=$(awk -v l="$label" '$2 == l { print $5 }' "$results" | median)
  echo "$label efficiency (median of $rounds rounds): $efficiency req/cpu-s"
  if [ "$label" != wrk ]; then
    ratio=$(awk -v l="$label" '$2 == l { print $6 }' "$results" | median)
    echo "ratio $label/wrk efficiency (median of $rounds rounds): $ratio x"
  fi
done
