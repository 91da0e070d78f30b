#!/usr/bin/env bash
# Which threading model for the engine? The same closed-model load (CONNECTIONS keep-alive
# connections to nginx's 100-byte /body, every latency into an HdrHistogram) driven by one virtual
# thread per connection (perfgate's model), one hand-written NIO selector loop (wrk's model) and one
# Netty event loop (native epoll `netty`, Netty's NIO transport `netty-nio`, both with a raw handler
# and the NIO mode's parser; `netty-codec`: epoll with HttpClientCodec + HttpObjectAggregator),
# from ClosedLoop.java and NettyLoop.java (a throwaway prototype compiled here, not shipped), with
# wrk -t1 as the reference. Generators on core 1, nginx on core 0; the models' requests per
# CPU-second are over the measured window (after WARMUP s; JVM start-up and JIT excluded), wrk's
# over its whole process. Rounds alternate (wrk first, then the models in an order rotated by
# one per round); medians of the per-round ratios are printed last.
# Netty is not a perfgate dependency: its jars are fetched from Maven Central with ./mvnw into
# NETTY_DIR (default ~/.cache/perfgate-bench/netty-NETTY_VERSION), never into the repository.
#   bench/engine-models/run.sh [SECONDS] [CONNECTIONS]
#   env: WARMUP (default 5), ROUNDS (3), MODES ("nio vthreads netty netty-nio netty-codec"),
#        NETTY_VERSION (4.2.10.Final), NETTY_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bench/lib.sh"
. "$root/bin/find-jdk.sh"
seconds=${1:-10}
connections=${2:-50}
warmup=${WARMUP:-5}
rounds=${ROUNDS:-3}
modes=${MODES:-nio vthreads netty netty-nio netty-codec}
netty_version=${NETTY_VERSION:-4.2.10.Final}
netty_dir=${NETTY_DIR:-$HOME/.cache/perfgate-bench/netty-$netty_version}
need wrk wrk
need /usr/sbin/nginx nginx
need curl curl
need taskset util-linux
work=$(mktemp -d)
trap 'stop_nginx; rm -rf "$work"' EXIT

cd "$root"
./mvnw -q -B -pl perfgate-metrics dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
hdr=$(tr ':' '\n' < "$work/cp.txt" | grep -m1 HdrHistogram)
if ! ls "$netty_dir"/jars/netty-transport-native-epoll-*-linux-x86_64.jar >/dev/null 2>&1; then
  mkdir -p "$netty_dir"
  cat > "$netty_dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>perfgate-bench</groupId><artifactId>netty-jars</artifactId><version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>io.netty</groupId><artifactId>netty-transport-native-epoll</artifactId>
      <version>$netty_version</version><classifier>linux-x86_64</classifier></dependency>
    <dependency><groupId>io.netty</groupId><artifactId>netty-codec-http</artifactId>
      <version>$netty_version</version></dependency>
  </dependencies>
</project>
POM
  ./mvnw -q -B -f "$netty_dir/pom.xml" dependency:copy-dependencies -DoutputDirectory="$netty_dir/jars" >/dev/null
fi
classpath="$hdr:$netty_dir/jars/*:$work/classes"
"$JAVA_HOME/bin/javac" -d "$work/classes" -cp "$classpath" bench/engine-models/ClosedLoop.java bench/engine-models/NettyLoop.java
start_nginx 0 100
url="http://127.0.0.1:$NGINX_PORT/body"

results="$work/results.txt"
for round in $(seq "$rounds"); do
  echo "round $round load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f '%U %S' -o "$work/wrk.time" taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" "$url" > "$work/wrk.out"
  wrk=$(awk -v r="$(awk '/requests in/ { print $1 }' "$work/wrk.out")" -v c="$(cpu_seconds "$work/wrk.time")" 'BEGIN { printf "%.0f", r / c }')
  echo "round $round wrk requests per CPU-second: $wrk req/cpu-s"
  # the models' order rotates by one per round: the load of a shared machine drifts within a round
  order=$(echo $modes | awk -v r="$round" '{ for (i = 0; i < NF; i++) printf "%s ", $(((r - 1 + i) % NF) + 1) }')
  for mode in $order; do
    # Netty's native transport loads a JNI library; leak detection off as in Netty's own benchmarks
    taskset -c 1 "$JAVA_HOME/bin/java" -Xmx256m --enable-native-access=ALL-UNNAMED \
      -Dio.netty.leakDetection.level=disabled -cp "$classpath" ClosedLoop \
      "$mode" 127.0.0.1 "$NGINX_PORT" /body "$connections" "$warmup" "$seconds" > "$work/$mode.out"
    sed "s/^/round $round /" "$work/$mode.out"
    efficiency=$(awk -F': ' '/requests per CPU-second/ { print $2 + 0 }' "$work/$mode.out")
    ratio=$(awk -v e="$efficiency" -v w="$wrk" 'BEGIN { printf "%.2f", e / w }')
    echo "round $round ratio $mode/wrk efficiency: $ratio x"
    echo "$mode $ratio" >> "$results"
  done
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for mode in $modes; do
  echo "ratio $mode/wrk efficiency (median of $rounds rounds): $(awk -v m="$mode" '$1 == m { print $2 }' "$results" | median) x"
done
