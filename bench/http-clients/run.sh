#!/usr/bin/env bash
# Which HTTP client should perfgate use? Each client of perfgate-http drives VUS virtual threads
# in a closed loop (one keep-alive connection each) for SECONDS after a WARMUP, in its own JVM
# pinned to core 1; the target is pinned to core 0. Prints `figure: value unit` lines and ratios.
#   1. nginx (100-byte body): wrk (reference), http1, jdk (JDK HttpClient HTTP/1.1)
#   2. the testkit's Jetty server in its own JVM (nginx cannot upgrade to h2c): http1, h2c (one JDK
#      client per VU), h2c-shared (one JDK client for all VUs)
# Requests per CPU-second count the client's process CPU (user+sys) during the measured window;
# the JVM's start-up and JIT warm-up are excluded (wrk has neither).
#   bench/http-clients/run.sh [SECONDS] [VUS]     env: WARMUP (seconds, default 5)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bench/lib.sh"
. "$root/bench/http-clients/nginx.sh"
seconds=${1:-10}
vus=${2:-50}
warmup=${WARMUP:-5}
need wrk wrk
need /usr/sbin/nginx nginx
need curl curl
need taskset util-linux
work=$(mktemp -d)
target_pid=""
cleanup() {
  stop_nginx
  [ -n "$target_pid" ] && kill "$target_pid" 2>/dev/null && wait "$target_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
./mvnw -q -B -pl perfgate-testkit,perfgate-http install -DskipTests
./mvnw -q -B -pl perfgate-http dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
. "$root/bin/find-jdk.sh"
classpath="$root/perfgate-http/target/test-classes:$root/perfgate-http/target/classes:$(cat "$work/cp.txt")"
java=("$JAVA_HOME/bin/java" -Xms256m -Xmx256m -cp "$classpath")

figures="$work/figures.txt"
client() { # client NAME URL: runs ClientBenchmark on core 1, prints and records its figures
  taskset -c 1 "${java[@]}" org.perfgate.http.ClientBenchmark "$1" "$2" "$vus" "$warmup" "$seconds" | tee -a "$figures"
}

start_nginx_readable 0 100
url="http://127.0.0.1:$NGINX_PORT/body"
/usr/bin/time -f '%U %S' -o "$work/wrk.time" taskset -c 1 wrk -t1 -c"$vus" -d"${seconds}s" "$url" > "$work/wrk.out"
wrk_requests=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
wrk_cpu=$(cpu_seconds "$work/wrk.time")
awk -v r="$wrk_requests" -v c="$wrk_cpu" -v s="$seconds" 'BEGIN {
  printf "wrk requests/s: %.0f req/s\nwrk requests per CPU-second: %.0f req/cpu-s\nwrk CPU used: %.2f cores\n", r / s, r / c, c / s
}' | tee -a "$figures"
client http1 "$url"
client jdk "$url"
stop_nginx
NGINX_PID=""

taskset -c 0 "${java[@]}" org.perfgate.http.TargetServerMain > "$work/target.out" &
target_pid=$!
for _ in $(seq 100); do grep -q '^port:' "$work/target.out" 2>/dev/null && break; sleep 0.1; done
jetty="http://127.0.0.1:$(awk '/^port:/ { print $2 }' "$work/target.out")/fast"
sed 's/^/jetty /' < <(client http1 "$jetty") | tee -a "$work/jetty.txt"
client h2c "$jetty"
client h2c-shared "$jetty"

figure() { # figure 'NAME requests per CPU-second' [FILE]
  awk -F': ' -v name="$1" '$1 == name { split($2, v, " "); print v[1] }' "${2:-$figures}" | tail -n 1
}
ratio() { # ratio LABEL A B
  awk -v a="$2" -v b="$3" -v label="$1" 'BEGIN { printf "%s: %.2f x\n", label, a / b }'
}
ratio "http1/wrk requests per CPU-second" "$(figure 'http1 requests per CPU-second')" "$(figure 'wrk requests per CPU-second')"
ratio "http1/wrk requests/s" "$(figure 'http1 requests/s')" "$(figure 'wrk requests/s')"
ratio "http1/jdk requests per CPU-second" "$(figure 'http1 requests per CPU-second')" "$(figure 'jdk requests per CPU-second')"
ratio "http1/jdk requests/s" "$(figure 'http1 requests/s')" "$(figure 'jdk requests/s')"
ratio "h2c/h2c-shared requests per CPU-second" "$(figure 'h2c requests per CPU-second')" "$(figure 'h2c-shared requests per CPU-second')"
ratio "jetty http1/h2c requests per CPU-second" "$(figure 'jetty http1 requests per CPU-second' "$work/jetty.txt")" "$(figure 'h2c requests per CPU-second')"
