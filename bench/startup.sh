#!/usr/bin/env bash
# Start-up time to /readyz = 200 on embedded defaults: first start (empty data folder: initdb, migrations) and warm
# restart (same data folder), against a baseline of a bare Jetty JVM answering its first request.
# Usage: bench/startup.sh [RUNS]   (default 3)
source "$(dirname "$0")/lib.sh"
runs=${1:-3}; port=18181
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
first=(); warm=(); bare=()
echo '{}' > "$work/body.json"
for i in $(seq "$runs"); do
  t0=$(now_ms); java -cp "$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*" dev.atelier.bench.BareJettyServer \
    "$port" "$work/body.json" application/json >/dev/null 2>&1 & pid=$!
  wait_for "http://127.0.0.1:$port/"; bare+=($(( $(now_ms) - t0 ))); stop_pid $pid

  data="$work/data-$i"; mkdir -p "$data"
  t0=$(now_ms); start_atelier $port "$data"; wait_for "http://127.0.0.1:$port/readyz" 120
  first+=($(( $(now_ms) - t0 ))); stop_pid $ATELIER_PID
  t0=$(now_ms); start_atelier $port "$data"; wait_for "http://127.0.0.1:$port/readyz" 120
  warm+=($(( $(now_ms) - t0 ))); stop_pid $ATELIER_PID
done
b=$(printf '%s\n' "${bare[@]}" | median); f=$(printf '%s\n' "${first[@]}" | median); w=$(printf '%s\n' "${warm[@]}" | median)
echo "runs=$runs"
echo "bare Jetty JVM to first 200:       ${b} ms   (all: ${bare[*]})"
echo "Atelier first start to /readyz:    ${f} ms   (all: ${first[*]})   ratio to bare $(awk "BEGIN{printf \"%.1f\", $f/$b}")"
echo "Atelier warm restart to /readyz:   ${w} ms   (all: ${warm[*]})   ratio to bare $(awk "BEGIN{printf \"%.1f\", $w/$b}")"
