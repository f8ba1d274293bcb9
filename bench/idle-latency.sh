#!/usr/bin/env bash
# Idle latency: on an otherwise idle platform (default 2 workers), one small procedural generation at a time (SIZE²),
# N times: the client's time from sending the submit to receiving the done event of the job's progress stream, minus
# the job's own run (started_at -> finished_at: the worker's claim to its settlement, which holds the model's call and
# storing its output); the remainder is the platform's path around the run (submit, wake-up and claim, notification,
# the stream's read and write). Also the model called directly in a loop (its own time, with no platform around it).
# Before measuring, IDLE_WARM_UP jobs (default 10) run back to back; a platform that has been up a while has its code
# compiled, which 10 jobs do not give it (IDLE_WARM_UP=300 does).
# Usage: [IDLE_WARM_UP=J] bench/idle-latency.sh [N] [SIZE]   (defaults 50, 64)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib-api.sh"
n=${1:-50}; size=${2:-64}; warm_up=${IDLE_WARM_UP:-10}; port=18192; host=bench.localhost
work=$(mktemp -d)
trap '[ -n "${ATELIER_PID:-}" ] && stop_pid $ATELIER_PID; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
cp_="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"

write_bench_tenant "$work/tenants"
mkdir -p "$work/data"
ATELIER_TENANT_CONFIGS_DIR="$work/tenants" start_atelier $port "$work/data"
wait_for "$base/readyz" 300
token=$(api_token "$base" "$host" "$work/data" "$work/jar" bench@example.com)

run() { java -cp "$cp_" dev.atelier.bench.IdleLatency "$base" "$host" "$token" "$1" "$size" "${2:-200}"; }
run "$warm_up" 0 >/dev/null || { echo "warm-up failed" >&2; exit 1; }
echo "procedural ${size}x${size}, one job at a time, idle platform, after $warm_up jobs of warm-up"
echo "  platform: $(run "$n")"
stop_pid $ATELIER_PID; ATELIER_PID=
direct=$(java -cp "$cp_" dev.atelier.bench.DirectModelLoop 200 1 "$size" | sed 's/jobs_per_second=//')
echo "  model called directly (1 thread): $direct jobs/s = $(awk "BEGIN{printf \"%.2f\", 1000/$direct}") ms a job"
