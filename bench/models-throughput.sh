#!/usr/bin/env bash
# Requests per second of GET /api/v1/models against a bare Jetty handler returning the same bytes, same machine,
# same run, same wrk settings. Installs wrk from Debian's packages when missing.
# Usage: bench/models-throughput.sh [DURATION]   (default 15s)
source "$(dirname "$0")/lib.sh"
duration=${1:-15s}; port=18183; bare_port=18184
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d); mkdir -p "$work/data"
start_atelier $port "$work/data"
trap 'stop_pid $ATELIER_PID; [ -n "${bare_pid:-}" ] && stop_pid $bare_pid; rm -rf "$work"' EXIT
wait_for "http://127.0.0.1:$port/readyz" 120
curl -s "http://127.0.0.1:$port/api/v1/models" > "$work/body.json"
java -cp "$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*" dev.atelier.bench.BareJettyServer \
  $bare_port "$work/body.json" application/json >/dev/null 2>&1 & bare_pid=$!
wait_for "http://127.0.0.1:$bare_port/"
rps() { wrk -t2 -c32 -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'; }
rps "http://127.0.0.1:$port/api/v1/models" >/dev/null      # warm up the JIT
rps "http://127.0.0.1:$bare_port/" >/dev/null
a=$(rps "http://127.0.0.1:$port/api/v1/models"); b=$(rps "http://127.0.0.1:$bare_port/")
echo "response: $(wc -c < "$work/body.json") bytes; wrk -t2 -c32 -d$duration"
echo "bare Jetty handler:   $b req/s"
echo "/api/v1/models:       $a req/s"
echo "ratio:                $(awk "BEGIN{printf \"%.2f\", $a/$b}")"
