#!/usr/bin/env bash
# Which HTTP client should perfgate use? Each client of perfgate-http drives VUS virtual threads
# in a closed loop (one keep-alive connection each) for SECONDS after a WARMUP, in its own JVM
# pinned to core 1; the target is pinned to core 0. Prints `figure: value unit` lines and ratios.
#   1. nginx (100-byte body): wrk (reference), http1, http1-async (the same client non-blocking on
#      one event loop), jdk (JDK HttpClient HTTP/1.1)
#   2. the testkit's Jetty server in its own JVM (nginx cannot upgrade to h2c): http1, h2c (one JDK
#      client per VU), h2c-shared (one JDK client for all VUs)
# Requests per CPU-second count the client's process CPU (user+sys) during the measured window;
# the JVM's start-up and JIT warm-up are excluded (wrk has neither); "whole process" figures
# include them (all requests over all CPU of the JVM, as bench/efficiency.sh counts).
#   bench/http-clients/run.sh [SECONDS] [VUS]     env: WARMUP (seconds, default 5), ROUNDS (3)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bench/lib.sh"
seconds=${1:-10}
vus=${2:-50}
warmup=${WARMUP:-5}
rounds=${ROUNDS:-3}
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
# package, not install: the reactor resolves perfgate's own modules to their target/ jars, so the
# shared ~/.m2 is left alone (and a worktree measures its own engine, not the last one installed)
./mvnw -q -B -pl perfgate-http -am -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
. "$root/bin/find-jdk.sh"
classpath="$root/perfgate-http/target/test-classes:$root/perfgate-http/target/classes:$(cat "$work/cp.txt")"
java=("$JAVA_HOME/bin/java" -Xms256m -Xmx256m -cp "$classpath")

figures="$work/figures.txt"
client() { # client NAME URL [LABEL]: runs ClientBenchmark on core 1, prints and records its figures
  local label=${3:-$1}
  /usr/bin/time -f '%U %S' -o "$work/$label.time" \
    taskset -c 1 "${java[@]}" org.perfgate.http.ClientBenchmark "$1" "$2" "$vus" "$warmup" "$seconds" "$label" \
    > "$work/$label.out"
  # the same figure over the whole process: JVM start-up, JIT and warm-up included
  awk -F': ' -v label="$label" -v cpu="$(cpu_seconds "$work/$label.time")" '
    { print }
    $1 == label " requests in total" { printf "%s requests per CPU-second, whole process: %.0f req/cpu-s\n", label, $2 / cpu }
  ' "$work/$label.out" | tee -a "$figures"
}

start_nginx 0 100
url="http://127.0.0.1:$NGINX_PORT/body"
run_wrk() { # run_wrk LABEL: wrk on core 1 with the same connections and duration
  /usr/bin/time -f '%U %S' -o "$work/$1.time" taskset -c 1 wrk -t1 -c"$vus" -d"${seconds}s" "$url" > "$work/$1.out"
  awk -v r="$(awk '/requests in/ { print $1 }' "$work/$1.out")" -v c="$(cpu_seconds "$work/$1.time")" -v s="$seconds" \
    -v label="$1" 'BEGIN {
    printf "%s requests/s: %.0f req/s\n%s requests per CPU-second: %.0f req/cpu-s\n%s CPU used: %.2f cores\n",
      label, r / s, label, r / c, label, c / s
  }' | tee -a "$figures"
}
# wrk, http1 and http1-async alternate for ROUNDS rounds: on a shared machine the load of others
# drifts, and the median of paired ratios resists it better than one pair.
for round in $(seq "$rounds"); do
  run_wrk "wrk#$round"
  client http1 "$url" "http1#$round"
  client http1-async "$url" "http1-async#$round"
done
client jdk "$url"
stop_nginx
NGINX_PID=""

taskset -c 0 "${java[@]}" org.perfgate.http.TargetServerMain > "$work/target.out" &
target_pid=$!
for _ in $(seq 100); do grep -q '^port:' "$work/target.out" 2>/dev/null && break; sleep 0.1; done
jetty="http://127.0.0.1:$(awk '/^port:/ { print $2 }' "$work/target.out")/fast"
client http1 "$jetty" "jetty-http1"
client h2c "$jetty"
client h2c-shared "$jetty"

figure() { # figure 'LABEL requests per CPU-second'
  awk -F': ' -v name="$1" '$1 == name { split($2, v, " "); print v[1] }' "$figures"
}
ratio() { # ratio LABEL A B
  awk -v a="$2" -v b="$3" -v label="$1" 'BEGIN { printf "%s: %.2f x\n", label, a / b }'
}
median_ratio() { # median_ratio LABEL 'A FIGURE' 'B FIGURE': median over rounds of A#n / B#n
  for round in $(seq "$rounds"); do
    awk -v a="$(figure "${2/ /#$round }")" -v b="$(figure "${3/ /#$round }")" 'BEGIN { print a / b }'
  done | sort -g | awk -v label="$1" -v n="$rounds" '{ v[NR] = $1 }
    END { printf "%s (median of %d rounds): %.2f x\n", label, n, n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }'
}
median_ratio "http1/wrk requests per CPU-second" "http1 requests per CPU-second" "wrk requests per CPU-second"
median_ratio "http1/wrk requests/s" "http1 requests/s" "wrk requests/s"
median_ratio "http1-async/wrk requests per CPU-second" "http1-async requests per CPU-second" "wrk requests per CPU-second"
median_ratio "http1-async/wrk requests/s" "http1-async requests/s" "wrk requests/s"
median_ratio "http1-async/http1 requests per CPU-second" "http1-async requests per CPU-second" "http1 requests per CPU-second"
ratio "http1/jdk requests per CPU-second" "$(figure "http1#$rounds requests per CPU-second")" "$(figure 'jdk requests per CPU-second')"
ratio "http1/jdk requests/s" "$(figure "http1#$rounds requests/s")" "$(figure 'jdk requests/s')"
ratio "h2c/h2c-shared requests per CPU-second" "$(figure 'h2c requests per CPU-second')" "$(figure 'h2c-shared requests per CPU-second')"
ratio "jetty-http1/h2c requests per CPU-second" "$(figure 'jetty-http1 requests per CPU-second')" "$(figure 'h2c requests per CPU-second')"
