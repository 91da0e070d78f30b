# Helpers for the latency benchmarks (latency-truth.sh, overhead.sh, rate-precision.sh): build
# perfgate without installing anything into ~/.m2, and start the testkit's DelayServer (a fixed
# delay D per request, optionally a full stall of M ms every S ms) as a process pinned to a core.
# Sourced after lib.sh; expects $root (repo root) to be set.

# build_perfgate: the CLI jar and the testkit classes of this checkout (mvn package, no install)
build_perfgate() {
  (cd "$root" && ./mvnw -q -B -pl perfgate-cli -am package -DskipTests -Dmaven.javadoc.skip=true) \
    || { echo "bench: build failed" >&2; exit 1; }
  # the launcher rebuilds when a source is newer than the jar; the jar plugin may keep an old mtime
  touch "$root/perfgate-cli/target/perfgate.jar"
  . "$root/bin/find-jdk.sh"
}

# start_delay_server CORE DELAY_MS [STALL_MS EVERY_MS]: DELAY_PORT, DELAY_PID. The server reads
# commands from a FIFO on its stdin (delay_server_command): "reset" forgets its timings, "timings"
# prints how late it sent its responses (see delay_server_timings).
start_delay_server() {
  local core=$1
  shift
  DELAY_OUT=$(mktemp)
  DELAY_CTL=$(mktemp -u)
  mkfifo "$DELAY_CTL"
  taskset -c "$core" "$JAVA_HOME/bin/java" -Xms256m -Xmx256m -cp "$root/perfgate-testkit/target/test-classes:$root/perfgate-testkit/target/classes" \
    org.perfgate.testkit.DelayServerMain "$@" < "$DELAY_CTL" > "$DELAY_OUT" &
  DELAY_PID=$!
  exec {DELAY_FD}> "$DELAY_CTL"   # opening the write end lets the server's stdin open
  for _ in $(seq 100); do
    DELAY_PORT=$(awk '/^port:/ { print $2 }' "$DELAY_OUT")
    [ -n "$DELAY_PORT" ] && return 0
    sleep 0.1
  done
  echo "bench: the delay server did not start" >&2; exit 1
}

# delay_server_command reset|timings
delay_server_command() {
  echo "$1" >&"$DELAY_FD"
}

# delay_server_timings: the server's own lateness lines since start or the last reset:
#   server woken late: count N, p50 X ms, p90 X ms, p99 X ms, max X ms   (the write started)
#   server sent late: count N, p50 X ms, p90 X ms, p99 X ms, max X ms    (the write returned)
# "late" = after the time the schedule promised (arrival as the server read it + D, stalls included)
delay_server_timings() {
  local before
  before=$(grep -c '^timings end' "$DELAY_OUT" || true)
  delay_server_command timings
  for _ in $(seq 50); do
    [ "$(grep -c '^timings end' "$DELAY_OUT" || true)" -gt "$before" ] && break
    sleep 0.1
  done
  grep '^server ' "$DELAY_OUT" | tail -n 2
}

stop_delay_server() {
  [ -n "${DELAY_FD:-}" ] && exec {DELAY_FD}>&- || true
  [ -n "${DELAY_PID:-}" ] && kill "$DELAY_PID" 2>/dev/null && wait "$DELAY_PID" 2>/dev/null || true
  [ -n "${DELAY_OUT:-}" ] && rm -f "$DELAY_OUT" || true
  [ -n "${DELAY_CTL:-}" ] && rm -f "$DELAY_CTL" || true
  DELAY_PID=""
  DELAY_FD=""
  return 0
}

# wrk_percentiles_lua FILE: a wrk script printing p50/p90/p99/p99.9/max (ms) and the request count
wrk_percentiles_lua() {
  cat > "$1" <<'LUA'
done = function(summary, latency, requests)
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("wrk p%s: %.3f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("wrk max: %.3f ms\n", latency.max / 1000))
  io.write(string.format("wrk requests: %d\n", summary.requests))
  io.write(string.format("wrk errors: %d\n", summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
LUA
}

# summary_value FILE METRIC STAT: one value of a --summary-export file (time trends in ms)
summary_value() {
  python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["metrics"]; print(m[sys.argv[2]]["values"][sys.argv[3]] if sys.argv[2] in m else 0)' "$1" "$2" "$3"
}
