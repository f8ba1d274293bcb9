#!/usr/bin/env bash
# Progress streams on one node: JOBS queued generations watched by PER_JOB event streams each (JOBS x PER_JOB streams
# at once, opened by one client process over non-blocking sockets on one selector thread), then the jobs ended one
# after another. Reports the platform's resident memory (VmRSS) and threads idle, with every stream open, and after;
# and for every stream the time from its job's finished_at to the arrival of its done event, p50/p99/max. Workers are off, so jobs wait in the
# queue while the streams open; each is ended by a cancel through the API, which wakes its streams through the same
# job-changed signal as a worker's settlement. The client needs as many file descriptors as streams (ulimit -n).
# The server's side of the same delay is read from its log (ProgressStreams' fan-out timing, at debug level): for each
# job, when its change signal arrived, its row was read, its done event was written to its first and last stream and
# its last request ended, each in ms after finished_at.
# Usage: bench/event-streams.sh [JOBS] [PER_JOB]   (defaults 100, 100: 10,000 streams)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib-api.sh"
jobs=${1:-100}; per_job=${2:-100}; port=18191; host=bench.localhost
streams=$(( jobs * per_job ))
[ "$(ulimit -n)" -gt $(( streams + 1000 )) ] || ulimit -n $(( streams + 1000 )) \
  || { echo "raise the open files limit above $(( streams + 1000 )) (ulimit -n)" >&2; exit 1; }
work=$(mktemp -d)
trap '[ -n "${ATELIER_PID:-}" ] && stop_pid $ATELIER_PID; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
cp_="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"

write_bench_tenant "$work/tenants"
mkdir -p "$work/data"
# The platform's own logging, plus the fan-out timing of each job's last event.
sed 's|<root level=|<logger name="dev.atelier.web.api.generations.FanOutTiming" level="DEBUG"/>\n  <root level=|' \
  "$REPO/core-runtime/platform-launcher/src/main/resources/logback.xml" > "$work/logback.xml"
# The one bench user and its one address stand in for many clients: lift both stream caps above the run's streams.
JAVA_OPTS="${JAVA_OPTS:-} -Dlogback.configurationFile=$work/logback.xml" ATELIER_GENERATION_WORKERS=0 ATELIER_HTTP_EVENT_STREAMS_PER_USER=$streams ATELIER_HTTP_EVENT_STREAMS_PER_IP=$streams \
  ATELIER_HTTP_EVENT_STREAMS_MAX_LIFETIME=30m ATELIER_TENANT_CONFIGS_DIR="$work/tenants" \
  start_atelier $port "$work/data"
wait_for "$base/readyz" 300
token=$(api_token "$base" "$host" "$work/data" "$work/jar" bench@example.com)

echo "$jobs jobs x $per_job streams = $streams streams, one node, loopback, ${JAVA_OPTS:-default heap}"
java -Xmx1g -Djdk.httpclient.allowRestrictedHeaders=host -cp "$cp_" dev.atelier.bench.EventStreamLoad \
  "$base" "$host" "$token" "$jobs" "$per_job" "$ATELIER_PID"

# stat FIELD: p50/p99/max over the jobs of one fan-out timing field.
stat() {
  grep -o " $1=[0-9.]*" "$work/data.log" | cut -d= -f2 | sort -n \
    | awk '{a[NR]=$1} END {if (!NR) {print "-"; exit}; p=int(NR*0.5+0.999); q=int(NR*0.99+0.999);
           printf "%s/%s/%s", a[p], a[q], a[NR]}'
}
echo "server, per job, ms after finished_at p50/p99/max: signal $(stat signal) read $(stat read)" \
  "first write $(stat first_write) last write $(stat last_write) requests ended $(stat ended)" \
  "($(grep -c ' fan-out' "$work/data.log" || true) jobs)"
