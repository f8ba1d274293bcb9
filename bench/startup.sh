#!/usr/bin/env bash
# Start-up time to /readyz = 200 on embedded defaults, against a baseline of a bare Jetty JVM answering its first
# request: a first start (empty data folder: initdb, migrations, tenant folders applied) and a warm restart (same data
# folder), both with the installation's class-data-sharing archive in place (bin/atelier makes it at the first stop of
# an installation; see docs/operators.md), and, for comparison, a first start of an installation that has none yet.
# Usage: bench/startup.sh [RUNS]   (default 3)
source "$(dirname "$0")/lib.sh"
runs=${1:-3}; port=18181
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fresh=(); first=(); warm=(); bare=()
echo '{}' > "$work/body.json"

# The installation's archive, made by one start and stop that is not measured.
rm -rf "$LAYOUT/cds"
mkdir -p "$work/prime"; start_atelier $port "$work/prime"; wait_for "http://127.0.0.1:$port/readyz" 300
stop_pid $ATELIER_PID

for i in $(seq "$runs"); do
  t0=$(now_ms); java -cp "$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*" dev.atelier.bench.BareJettyServer \
    "$port" "$work/body.json" application/json >/dev/null 2>&1 & pid=$!
  wait_for "http://127.0.0.1:$port/"; bare+=($(( $(now_ms) - t0 ))); stop_pid $pid

  # An installation without an archive: an empty archive folder of its own (the archive it writes is thrown away).
  data="$work/fresh-$i"; mkdir -p "$data"
  t0=$(now_ms); ATELIER_CDS_DIR="$work/cds-$i" start_atelier $port "$data"
  wait_for "http://127.0.0.1:$port/readyz" 120; fresh+=($(( $(now_ms) - t0 ))); stop_pid $ATELIER_PID

  data="$work/data-$i"; mkdir -p "$data"
  t0=$(now_ms); start_atelier $port "$data"; wait_for "http://127.0.0.1:$port/readyz" 120
  first+=($(( $(now_ms) - t0 ))); stop_pid $ATELIER_PID
  t0=$(now_ms); start_atelier $port "$data"; wait_for "http://127.0.0.1:$port/readyz" 120
  warm+=($(( $(now_ms) - t0 ))); stop_pid $ATELIER_PID
done
b=$(printf '%s\n' "${bare[@]}" | median); n=$(printf '%s\n' "${fresh[@]}" | median)
f=$(printf '%s\n' "${first[@]}" | median); w=$(printf '%s\n' "${warm[@]}" | median)
ratio() { awk "BEGIN{printf \"%.1f\", $1/$b}"; }
echo "runs=$runs"
echo "bare Jetty JVM to first 200:                 ${b} ms   (all: ${bare[*]})"
echo "Atelier first start to /readyz:              ${f} ms   (all: ${first[*]})   ratio to bare $(ratio "$f")"
echo "Atelier warm restart to /readyz:             ${w} ms   (all: ${warm[*]})   ratio to bare $(ratio "$w")"
echo "first start, installation without archive:   ${n} ms   (all: ${fresh[*]})   ratio to bare $(ratio "$n")"
