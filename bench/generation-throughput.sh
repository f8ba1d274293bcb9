#!/usr/bin/env bash
# Generation jobs per second end to end (submit through the JSON API → queue → worker → procedural model → output
# stored with a thumbnail → settled; clients follow each job's events to its end) at SIZE² with the default 2
# workers, and the queue latency (created → started) p50/p99 at that load; against the procedural model called
# directly in a loop with as many threads, in the same run. Ratio = platform jobs/s ÷ direct jobs/s.
# Usage: bench/generation-throughput.sh [JOBS] [SIZE] [IN_FLIGHT]   (defaults 400, 256, 8)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib-api.sh"
jobs=${1:-400}; size=${2:-256}; in_flight=${3:-8}; port=${BENCH_PORT:-18189}; host=bench.localhost
work=$(mktemp -d)
trap '[ -n "${ATELIER_PID:-}" ] && stop_pid $ATELIER_PID; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
cp_="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"

# One tenant whose users start with plenty of credits and may queue many jobs at once.
write_bench_tenant "$work/tenants"
mkdir -p "$work/data"
# The one bench user stands in for many clients: let it follow every job it keeps in flight (8 streams per user
# otherwise, and the load driver would get 429 for the rest).
ATELIER_HTTP_EVENT_STREAMS_PER_USER=1000 ATELIER_TENANT_CONFIGS_DIR="$work/tenants" start_atelier $port "$work/data"
wait_for "$base/readyz" 300

token=$(api_token "$base" "$host" "$work/data" "$work/jar" bench@example.com)

# Both sides get the same untimed warm-up, in the same JVM as their measured run: the load driver's own start and
# compilation stay out of the platform's measured run, on the cores they share.
warm_up=40
platform=$(java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$cp_" dev.atelier.bench.GenerationLoad "$base" "$host" "$token" procedural "$size" "$jobs" "$in_flight" "$warm_up") \
  || { echo "the platform's run failed" >&2; exit 1; }
stop_pid $ATELIER_PID; ATELIER_PID=
direct=$(java -cp "$cp_" dev.atelier.bench.DirectModelLoop "$jobs" 2 "$size" "$warm_up")

p=$(echo "$platform" | sed 's/.*jobs_per_second=\([0-9.]*\).*/\1/'); d=$(echo "$direct" | sed 's/jobs_per_second=//')
echo "procedural ${size}x${size}, $jobs jobs, $in_flight in flight, 2 workers"
echo "  platform end to end: $platform"
echo "  model called directly (2 threads): $direct"
echo "  ratio: $(awk "BEGIN{printf \"%.2f\", $p/$d}")"
