# Shared helpers for bench/*.sh: a pinned nginx target and CPU accounting of a generator process.
# Sourced; expects $root (repo root) to be set.

need() { # need COMMAND PACKAGE
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null
    fi
    command -v "$1" >/dev/null 2>&1 || { echo "bench: needs $1 (apt-get install $2)" >&2; exit 1; }
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_nginx CORE BODY_BYTES: nginx on 127.0.0.1:$NGINX_PORT pinned to CORE, serving /body.
# NGINX_CONNECTIONS (default 4096) sets worker_connections and the worker's open-file limit;
# NGINX_BACKLOG the listen backlog (default nginx's 511).
start_nginx() {
  local core=$1 bytes=$2
  NGINX_DIR=$(mktemp -d)
  NGINX_PORT=$(free_port)
  mkdir -p "$NGINX_DIR/www" "$NGINX_DIR/logs"
  # mktemp makes a 0700 directory; nginx's worker (user nobody when started as root) must read it
  chmod 755 "$NGINX_DIR" "$NGINX_DIR/www"
  head -c "$bytes" /dev/zero | tr '\0' 'x' > "$NGINX_DIR/www/body"
  chmod 644 "$NGINX_DIR/www/body"
  cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile ${NGINX_CONNECTIONS:-4096};
daemon off;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log;
events { worker_connections ${NGINX_CONNECTIONS:-4096}; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  server {
    listen 127.0.0.1:$NGINX_PORT${NGINX_BACKLOG:+ backlog=$NGINX_BACKLOG};
    root $NGINX_DIR/www;
    location = /body { default_type text/plain; }
  }
}
CONF
  taskset -c "$core" /usr/sbin/nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" &
  NGINX_PID=$!
  for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$NGINX_PORT/body" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "bench: nginx does not serve /body: $(cat "$NGINX_DIR/logs/error.log")" >&2; exit 1
}

stop_nginx() {
  [ -n "${NGINX_PID:-}" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  [ -n "${NGINX_DIR:-}" ] && rm -rf "$NGINX_DIR"
  return 0
}

# cpu_seconds FILE: user+sys seconds from a /usr/bin/time -f '%U %S' output file (last line)
cpu_seconds() {
  tail -n 1 "$1" | awk '{ printf "%.3f", $1 + $2 }'
}

# ab_demo_repo DIR NAME TRIALS PLAN_SECONDS: a throwaway git repo in DIR (made current) whose
# perfgate.yaml benchmarks the demo service (a fresh `perfgate demo --serve` JVM per trial, 1 s
# warm-up) with a constant-arrival-rate plan named NAME; used by ab-demo.sh and ab-modes.sh.
ab_demo_repo() {
  local dir=$1 name=$2 trials=$3 seconds=$4
  cd "$dir"
  git init -q -b main
  cat > perfgate.yaml <<YAML
store: $dir/history.db
ab:
  build: "true"
  start: "$root/perfgate demo --serve --port \${PORT}"
  ready: { http: "http://127.0.0.1:\${PORT}/health", timeout: 60s }
  warmup: 1s
  plans: [plan.yaml]
  trials: $trials
YAML
  cat > plan.yaml <<YAML
name: $name
options:
  scenarios:
    steady:
      executor: constant-arrival-rate
      rate: 100
      duration: ${seconds}s
      preAllocatedVUs: 10
      maxVUs: 50
      flow:
        - request: { name: fast, url: "\${BASE_URL}/api/fast", checks: [ { status: 200 } ] }
        - request: { name: delay, url: "\${BASE_URL}/api/delay?ms=5" }
YAML
  git add -A && git -c user.name=bench -c user.email=bench@localhost commit -q -m "$name"
}

# heap_after_gc PID: KiB of Java heap in use right after a full GC of process PID (jcmd GC.run,
# then the sum of GC.heap_info's "used NK" over the heap's generations: one line for G1, young +
# old for Serial and Parallel): live data only, whatever -Xmx or the collector's pacing are. Run
# the JVM with -XX:MarkSweepDeadRatio=0: by default a full GC leaves up to 5% of the old
# generation's capacity as dead "filler" objects instead of compacting them, and that capacity
# grows during a run, so the figure would grow with no live data behind it.
heap_after_gc() {
  local jcmd="${JAVA_HOME:?}/bin/jcmd"
  "$jcmd" "$1" GC.run >/dev/null
  "$jcmd" "$1" GC.heap_info | grep -o ', used [0-9]*K' | tr -dc '0-9\n' | awk '{ s += $1 } END { print s + 0 }'
}

# rss_kib PID: resident set size of process PID in KiB.
rss_kib() {
  awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}
