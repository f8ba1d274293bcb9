#!/usr/bin/env bash
# Generation jobs per second end to end (submit through the JSON API → queue → worker → procedural model → output
# stored with a thumbnail → settled; clients follow each job's events to its end) at SIZE² with the default 2
# workers, and the queue latency (created → started) p50/p99 at that load; against the procedural model called
# directly in a loop with as many threads, in the same run. Ratio = platform jobs/s ÷ direct jobs/s.
# Usage: bench/generation-throughput.sh [JOBS] [SIZE] [IN_FLIGHT]   (defaults 400, 256, 8)
source "$(dirname "$0")/lib.sh"
jobs=${1:-400}; size=${2:-256}; in_flight=${3:-8}; port=${BENCH_PORT:-18189}; host=bench.localhost
work=$(mktemp -d)
trap '[ -n "${ATELIER_PID:-}" ] && stop_pid $ATELIER_PID; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
cp_="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"

# One tenant whose users start with plenty of credits and may queue many jobs at once.
mkdir -p "$work/tenants/bench"
cat > "$work/tenants/bench/tenant.yaml" <<YAML
slug: bench
name: Bench
status: active
support_email: help@bench.example
hosts: [bench.example]
models:
  - {id: procedural, credits: 1}
storage: {plugin: local, config: {}}
credits: {signup_bonus: 100000, max_concurrent_jobs_per_user: 1000, max_concurrent_jobs_per_tenant: 1000}
YAML

mkdir -p "$work/data"
# The one bench user stands in for many clients: let it follow every job it keeps in flight (8 streams per user
# otherwise, and the load driver would get 429 for the rest).
ATELIER_HTTP_EVENT_STREAMS_PER_USER=1000 ATELIER_TENANT_CONFIGS_DIR="$work/tenants" start_atelier $port "$work/data"
wait_for "$base/readyz" 300

jar="$work/jar"
sign_up "$base" "$host" "$jar" bench@example.com
# API tokens are for confirmed emails: follow the confirmation link the platform wrote to its mail folder (quoted-
# printable: soft line breaks and =3D undone), in the same browser, which stays signed in.
verify_path=
for _ in $(seq 1 300); do
  verify_path=$(cat "$work/data/mail/"*.eml 2>/dev/null | tr -d '\r' | sed -e ':a' -e '/=$/{N;s/=\n//;ba' -e '}' \
    | sed 's/=3D/=/g' | grep -o '/verify?token=[A-Za-z0-9_-]*' | head -1 || true)
  [ -n "$verify_path" ] && break
  sleep 0.1
done
[ -n "$verify_path" ] || { echo "no confirmation mail in $work/data/mail" >&2; exit 1; }
curl -s -c "$jar" -b "$jar" -H "Host: $host" "$base$verify_path" -o /dev/null
session_csrf=$(curl -s -b "$jar" -H "Host: $host" "$base/api/v1/account" | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
token=$(curl -s -b "$jar" -H "Host: $host" -H "X-CSRF-Token: $session_csrf" -H 'Content-Type: application/json' \
  "$base/api/v1/account/tokens" -d '{"name":"bench"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')

java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$cp_" dev.atelier.bench.GenerationLoad "$base" "$host" "$token" procedural "$size" 40 "$in_flight" >/dev/null || { echo "warm-up failed" >&2; exit 1; }
platform=$(java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$cp_" dev.atelier.bench.GenerationLoad "$base" "$host" "$token" procedural "$size" "$jobs" "$in_flight")
stop_pid $ATELIER_PID; ATELIER_PID=
direct=$(java -cp "$cp_" dev.atelier.bench.DirectModelLoop "$jobs" 2 "$size")

p=$(echo "$platform" | sed 's/.*jobs_per_second=\([0-9.]*\).*/\1/'); d=$(echo "$direct" | sed 's/jobs_per_second=//')
echo "procedural ${size}x${size}, $jobs jobs, $in_flight in flight, 2 workers"
echo "  platform end to end: $platform"
echo "  model called directly (2 threads): $direct"
echo "  ratio: $(awk "BEGIN{printf \"%.2f\", $p/$d}")"
