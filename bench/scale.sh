#!/usr/bin/env bash
# Scale: perfgate with 1k, 10k and 100k VUs (each VU does one request, then thinks a uniform random
# 10-30 s) against nginx on loopback. VUs ramp up linearly over RAMP seconds (ramping-vus, then
# constant): 100,000 VUs starting at the same instant would send 100,000 requests at once, which
# no single-core nginx (nor the 20,000 file descriptors of this sandbox) absorbs; a 20 s ramp
# starts 5,000 VUs/s, the steady request rate of 100,000 VUs thinking 20 s on average. For each VU count prints the Java heap in use
# after a full GC once every VU is running (jcmd GC.run + GC.heap_info), heap per VU, the marginal
# heap per added VU, RSS, the start-up time to the full VU count (first second whose vus_max gauge
# reaches it, from the run's per-second series; at least RAMP by design, the excess is perfgate's
# lag behind the schedule) and errors (failed requests, perfgate exceptions,
# exit code). PASS when 100,000 VUs use < 1 GiB of heap with no errors.
# Also printed, to tell the generator's limits from the target's: the load average before each
# run, perfgate's CPU seconds (user+sys) and peak open files, http_req_blocked (time a connect
# waited for one of the process's connection slots, which stay below its open-file limit), the
# kernel's listen-queue and SYN-queue drop counters during the run (nstat; 0 = the target accepted
# every connection) and nginx's error-log lines. The kernel settings that bound the target are
# printed, not changed: somaxconn (>= the nginx backlog, 4096), tcp_max_syn_backlog (SYN cookies
# take over when it is full).
#
# One generator setting is changed, when run as root, printed and restored at exit: the ephemeral
# port range, widened to 1024-65535 (k6's OS tuning advice for load generators). connect() picks
# even ports first; with the default 32768-60999 (14,116 even ports) and more than 14,000 sockets
# open to the one nginx address (a generator that fell behind), every connect scanned the whole even
# half: __inet_check_established + __inet_hash_connect took 18 % of perfgate's CPU samples (perf,
# 100k VUs), and 0 % with the wider range. SCALE_PORT_RANGE=keep leaves the range as it is.
#
# The plan sets noConnectionReuse: a VU holds a socket only during its request. Keep-alive
# connections for 100,000 thinking VUs would need 100,000 file descriptors (this sandbox allows
# 20,000 per process) and loopback ports (about 28,000 per destination).
#   bench/scale.sh [-d SECONDS] [-r RAMP] [VUS...]      defaults: -d 60 -r 20, VUS 1000 10000 100000
# SCALE_CPUS: the cores perfgate runs on (taskset -c; default 1, nginx has core 0).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
. "$root/bin/find-jdk.sh"
seconds=60
ramp=20
while [ $# -gt 0 ]; do
  case $1 in
    -d) seconds=$2; shift 2 ;;
    -r) ramp=$2; shift 2 ;;
    *) break ;;
  esac
done
if [ $# -gt 0 ]; then counts=("$@"); else counts=(1000 10000 100000); fi
need /usr/sbin/nginx nginx
need curl curl
need taskset util-linux
need nstat iproute2
work=$(mktemp -d)
port_range=/proc/sys/net/ipv4/ip_local_port_range
old_port_range=$(tr '\t' ' ' < "$port_range")
restore_port_range() {
  [ "$(tr '\t' ' ' < "$port_range")" = "$old_port_range" ] || echo "$old_port_range" > "$port_range"
}
trap 'stop_nginx; restore_port_range; rm -rf "$work"' EXIT
if [ "${SCALE_PORT_RANGE:-wide}" != keep ] && [ "$(id -u)" = 0 ] && [ "${old_port_range%% *}" -gt 1024 ]; then
  if (echo "1024 65535" > "$port_range") 2>/dev/null; then
    echo "set: net.ipv4.ip_local_port_range 1024 65535 (was $old_port_range; restored at exit)"
  fi
fi

"$root/perfgate" --version >/dev/null   # builds the CLI if needed, outside the measurement
NGINX_CONNECTIONS=16384 NGINX_BACKLOG=4096 start_nginx 0 100
url="http://127.0.0.1:$NGINX_PORT/body"
echo "kernel: somaxconn $(cat /proc/sys/net/core/somaxconn), tcp_max_syn_backlog $(cat /proc/sys/net/ipv4/tcp_max_syn_backlog)," \
  "tcp_syncookies $(cat /proc/sys/net/ipv4/tcp_syncookies), ip_local_port_range $(tr '\t' '-' < /proc/sys/net/ipv4/ip_local_port_range)," \
  "open files per process (hard) $(ulimit -Hn); nginx: 1 worker on core 0, worker_connections 16384," \
  "backlog 4096; perfgate on core(s) ${SCALE_CPUS:-1}"
# kernel counters (their change over one run) that count connections the target's side dropped
drop_counters='TcpExtListenOverflows TcpExtListenDrops TcpExtTCPReqQFullDrop TcpExtTCPReqQFullDoCookies'
# measured once every VU runs (the check below says if they did not)
measure_at=$(( (seconds + ramp) / 2 + 5 ))
previous_vus=0
previous_heap=0
previous_requests=0
previous_cpu=0
pass=1
for vus in "${counts[@]}"; do
  cat > "$work/plan.yaml" <<PLAN
name: scale-$vus
options:
  noConnectionReuse: true
  scenarios:
    thinkers:
      executor: ramping-vus
      stages:
        - { duration: ${ramp}s, target: $vus }
        - { duration: $(( seconds - ramp ))s, target: $vus }
      gracefulStop: 1s
      flow:
        - request: { name: body, url: "$url" }
        - sleep: { min: 10s, max: 30s }
PLAN
  load=$(cut -d ' ' -f 1 /proc/loadavg)
  # absolute values (-a), history untouched (-s): another user's nstat cannot skew them. They count
  # every listener of the machine, so another benchmark running meanwhile shows up here too.
  nstat -asz $drop_counters > "$work/nstat-before"
  cp "$NGINX_DIR/logs/error.log" "$work/nginx-errors-before"
  # -Xmx well above the target so the heap figure is what perfgate needs, not what a limit forced
  PERFGATE_JAVA_OPTS="-Xmx4g -XX:MarkSweepDeadRatio=0" taskset -c "${SCALE_CPUS:-1}" "$root/perfgate" run -q --no-color --no-store \
    --out "json=$work/run.json" --summary-export "$work/summary.json" "$work/plan.yaml" \
    > "$work/out.txt" 2> "$work/err.txt" &
  pid=$!
  # peak open files and CPU ticks of the process, sampled every second until it ends
  ( peak=0; ticks=0
    while [ -d "/proc/$pid/fd" ]; do
      files=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
      [ "$files" -gt "$peak" ] && peak=$files
      t=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo "$ticks")
      [ -n "$t" ] && ticks=$t
      echo "$peak $ticks" > "$work/sampled"
      sleep 1
    done ) &
  sampler=$!
  sleep "$measure_at"
  heap=$(heap_after_gc "$pid")
  rss=$(rss_kib "$pid")
  status=0
  wait "$pid" || status=$?
  wait "$sampler" || true
  read -r peak_files cpu_ticks < "$work/sampled"
  cpu_seconds=$(awk -v t="$cpu_ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }')
  nstat -asz $drop_counters > "$work/nstat-after"
  drops=$(awk '$1 ~ /^#/ { next } NR == FNR { before[$1] = $2; next } { printf "%s%s=%d", sep, $1, $2 - before[$1]; sep = "," }' \
    "$work/nstat-before" "$work/nstat-after")
  nginx_errors=$(( $(wc -l < "$NGINX_DIR/logs/error.log") - $(wc -l < "$work/nginx-errors-before") ))
  read -r startup requests failed failures blocked reasons < <(python3 - "$work/run.json" "$work/summary.json" "$vus" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
summary = json.load(open(sys.argv[2]))
vus = int(sys.argv[3])
full = [p["second"] + 1 for p in run["series"] if p["name"] == "vus_max" and p["values"]["value"] >= vus]
metrics = summary["metrics"]
requests = int(metrics["http_reqs"]["values"]["count"])
failed = round(metrics["http_req_failed"]["values"]["rate"] * requests)
failures = sum(run["failures"].values())
reasons = ",".join(f"{k.replace(' ', '_')}={v}" for k, v in sorted(run["failures"].items())) or "none"
b = metrics["http_req_blocked"]["values"]
blocked = f"p99={b['p(99)']:g}ms,max={b['max']:g}ms"
print(min(full) if full else -1, requests, failed, failures, blocked, reasons)
PY
)
  exceptions=$(grep -c -i 'exception\|error' "$work/err.txt" || true)
  awk -v n="$vus" -v h="$heap" -v r="$rss" -v s="$startup" -v q="$requests" -v f="$failed" \
      -v fl="$failures" -v e="$exceptions" -v x="$status" -v pn="$previous_vus" -v ph="$previous_heap" \
      -v rp="$ramp" -v rs="$reasons" -v ld="$load" -v cs="$cpu_seconds" -v pf="$peak_files" \
      -v bl="$blocked" -v pq="$previous_requests" -v pc="$previous_cpu" -v dr="${drops:-none}" -v ne="$nginx_errors" 'BEGIN {
    printf "vus %d load average before the run: %s\n", n, ld
    printf "vus %d heap used after GC: %.1f MiB\n", n, h / 1024
    printf "vus %d heap per VU: %.2f KiB\n", n, h / n
    if (pn > 0) printf "vus %d marginal heap per added VU: %.2f KiB\n", n, (h - ph) / (n - pn)
    printf "vus %d RSS: %.1f MiB\n", n, r / 1024
    printf "vus %d start-up time to full VU count: %d s (ramp %d s)\n", n, s, rp
    printf "vus %d requests: %d\n", n, q
    printf "vus %d failed requests: %d\n", n, f
    printf "vus %d perfgate errors: %d (exit code %d)\n", n, e, x
    printf "vus %d failed requests by reason: %s\n", n, rs
    printf "vus %d perfgate CPU: %s s user+sys\n", n, cs
    if (pn > 0 && q > pq) printf "vus %d marginal perfgate CPU per added request: %.0f us\n", n, (cs - pc) * 1e6 / (q - pq)
    printf "vus %d perfgate peak open files: %d\n", n, pf
    printf "vus %d http_req_blocked (waiting for a connection slot): %s\n", n, bl
    printf "vus %d kernel drops on the target side (nstat): %s\n", n, dr
    printf "vus %d nginx error-log lines: %d\n", n, ne
  }'
  if [ "$startup" -lt 0 ] || [ "$startup" -gt "$measure_at" ]; then
    echo "vus $vus: WARNING: not every VU was running at the heap measurement (${measure_at}s)"
    pass=0
  fi
  if [ "$vus" -ge 100000 ]; then
    if [ "$heap" -ge $(( 1024 * 1024 )) ] || [ "$failed" -ne 0 ] || [ "$failures" -ne 0 ] \
        || [ "$exceptions" -ne 0 ] || [ "$status" -ne 0 ]; then
      pass=0
    fi
  fi
  [ "$exceptions" -eq 0 ] || grep -i -m 5 'exception\|error' "$work/err.txt"
  previous_vus=$vus
  previous_heap=$heap
  previous_requests=$requests
  previous_cpu=$cpu_seconds
done
if printf '%s\n' "${counts[@]}" | grep -qx 100000; then
  [ "$pass" = 1 ] && echo "scale: PASS (100,000 VUs in < 1 GiB heap, no errors)" || echo "scale: FAIL"
fi
