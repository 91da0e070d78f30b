# Sourced by bench/http-clients/run.sh after bench/lib.sh.
# Like lib.sh's start_nginx, whose 0700 mktemp directory nginx's worker (user nobody when run as
# root) cannot read, so that every request is a 403: same config, readable directory.
start_nginx_readable() { # start_nginx_readable CORE BODY_BYTES; sets NGINX_DIR NGINX_PORT NGINX_PID
  NGINX_DIR=$(mktemp -d)
  NGINX_PORT=$(free_port)
  mkdir -p "$NGINX_DIR/www" "$NGINX_DIR/logs"
  chmod 755 "$NGINX_DIR" "$NGINX_DIR/www"
  head -c "$2" /dev/zero | tr '\0' 'x' > "$NGINX_DIR/www/body"
  chmod 644 "$NGINX_DIR/www/body"
  cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGINX_DIR/www;
    location = /body { default_type text/plain; }
  }
}
CONF
  taskset -c "$1" /usr/sbin/nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" &
  NGINX_PID=$!
  for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$NGINX_PORT/body" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "bench: nginx does not serve /body: $(cat "$NGINX_DIR/logs/error.log")" >&2
  exit 1
}
