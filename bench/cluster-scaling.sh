#!/usr/bin/env bash
# How the platform scales out on one machine: nodes as separate processes (their own ports and data folders) on one
# PostgreSQL, in one run.
# 1. Jobs/s: first one node doing both (role all, the baseline); then one web node takes the submissions
#    (dev.atelier.bench.GenerationLoad, as in generation-throughput.sh) and one worker process runs them, then two
#    worker processes (2 worker threads each, the default); the same batch at SMALL² (the platform's work dominates)
#    and a smaller batch at the model's default size (1024², pixel work dominates). Jobs/s = finished jobs ÷ (first
#    submit → last job ended).
# 2. Page req/s: the AuraTuner landing page signed out (shared page cache) and signed in (rendered for the user), with
#    wrk against one web node, then against two: one wrk per node in parallel (half the connections each), summed.
# Ratio = 2 processes ÷ 1. Cluster events travel over PostgreSQL LISTEN/NOTIFY (no Redis), the default.
# Usage: bench/cluster-scaling.sh [JOBS] [SMALL] [DEFAULT_JOBS] [DURATION] [IN_FLIGHT]   (defaults 400, 64, 40, 10s,
#   16 as in generation-throughput.sh; with 16, a job's end reaching its client late caps the split nodes' figure,
#   see docs/BENCHMARKS.md, and 48 keeps the workers busy)
#   (PostgreSQL on 127.0.0.1:5432, trust auth, as on CI; a fresh database per run)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib-api.sh"
jobs=${1:-400}; small=${2:-64}; default_jobs=${3:-40}; duration=${4:-10s}; in_flight=${5:-16}
host=bench.localhost; page_host=auratuner.localhost
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
pg="-h 127.0.0.1 -p 5432 -U postgres"
db=atelier_bench_cluster_$$
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do stop_pid "$p"; done
  dropdb $pg --if-exists "$db" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
createdb $pg "$db"
cp_="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"
secrets_key=$(head -c 32 /dev/urandom | base64 -w0)

# The demo tenants for the pages, and a bench tenant for the jobs whose users start with plenty of credits and may
# queue many jobs at once.
mkdir -p "$work/tenants/bench"; cp -r "$REPO"/tenant-configs/*/ "$work/tenants"/
write_bench_tenant "$work/tenants"

# start_node ROLE PORT: a node of the cluster with its own data folder; every node has the same database and secrets
# key. Profile local: the demo tenants' offline overlay (sandbox payments, no bot protection), mail written to disk.
start_node() {
  local role=$1 port=$2 data="$work/data-$2"
  mkdir -p "$data"
  ATELIER_RATE_LIMITS="generation-submit=1000000/1m" \
  ATELIER_HTTP_EVENT_STREAMS_PER_USER=1000 ATELIER_HTTP_EVENT_STREAMS_PER_IP=1000 \
  ATELIER_PROFILE=local ATELIER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" ATELIER_DB_USER=postgres \
  ATELIER_SECRETS_KEY="$secrets_key" ATELIER_TENANT_CONFIGS_DIR="$work/tenants" \
  ATELIER_DATA_DIR="$data" ATELIER_PLUGINS_DEPLOY_DIR="$LAYOUT/deploy" ATELIER_HTTP_HOST=127.0.0.1 \
    "$LAYOUT/bin/atelier" start --role "$role" --port "$port" >"$data.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/readyz" 300
}
stop_last() { stop_pid "${pids[-1]}"; unset 'pids[-1]'; }

web1=18193; web2=18194; worker1=18195; worker2=18196; single=18197
# The jobs' baseline is one node doing both (role all, 2 worker threads): the usual one-process deployment. It runs
# first, takes the sign-up, and is stopped before the cluster starts.
base="http://127.0.0.1:$single"
start_node all $single

# The bench user with an API token (API tokens are for confirmed emails: the confirmation mail is written by whichever
# node's outbox sends it, so every node's mail folder is read).
jar="$work/jar"
sign_up "$base" "$host" "$jar" bench@example.com
verify_path=
for _ in $(seq 1 300); do
  verify_path=$(cat "$work"/data-*/mail/*.eml 2>/dev/null | tr -d '\r' | sed -e ':a' -e '/=$/{N;s/=\n//;ba' -e '}' \
    | sed 's/=3D/=/g' | grep -o '/verify?token=[A-Za-z0-9_-]*' | head -1 || true)
  [ -n "$verify_path" ] && break
  sleep 0.1
done
[ -n "$verify_path" ] || { echo "no confirmation mail in any node's mail folder" >&2; exit 1; }
curl -s -c "$jar" -b "$jar" -H "Host: $host" "$base$verify_path" -o /dev/null
session_csrf=$(curl -s -b "$jar" -H "Host: $host" "$base/api/v1/account" | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
token=$(curl -s -b "$jar" -H "Host: $host" -H "X-CSRF-Token: $session_csrf" -H 'Content-Type: application/json' \
  "$base/api/v1/account/tokens" -d '{"name":"bench"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')

load() { # load SIZE JOBS: GenerationLoad's report line
  java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$cp_" dev.atelier.bench.GenerationLoad \
    "$base" "$host" "$token" procedural "$1" "$2" "$in_flight"
}
jps_of() { echo "$1" | sed 's/.*jobs_per_second=\([0-9.]*\).*/\1/'; }
ratio() { awk "BEGIN{printf \"%.2f\", $2/$1}"; }

load "$small" 60 >/dev/null || { echo "warm-up failed" >&2; exit 1; }
all_small=$(load "$small" "$jobs")
stop_last
base="http://127.0.0.1:$web1"
start_node web $web1
start_node worker $worker1
load "$small" 60 >/dev/null || { echo "warm-up failed" >&2; exit 1; }
one_small=$(load "$small" "$jobs"); one_default=$(load 1024 "$default_jobs")
start_node worker $worker2
load "$small" 60 >/dev/null
two_small=$(load "$small" "$jobs"); two_default=$(load 1024 "$default_jobs")
stuck=$(psql $pg -d "$db" -Atc "select count(*) from generation_job where status in ('QUEUED', 'RUNNING')" \
  2>/dev/null || echo '?')
stop_last; stop_last   # the workers: the pages are measured with only web nodes running

echo "jobs: procedural model, $in_flight in flight, submitted to 1 web node; worker processes of 2 threads each"
echo "  ${small}x${small}, $jobs jobs:"
echo "    1 node doing both (role all): $all_small"
echo "    1 worker process:  $one_small"
echo "    2 worker processes: $two_small"
echo "    ratio: $(ratio "$(jps_of "$one_small")" "$(jps_of "$two_small")")"
echo "  1024x1024 (the model's default), $default_jobs jobs:"
echo "    1 worker process:  $one_default"
echo "    2 worker processes: $two_default"
echo "    ratio: $(ratio "$(jps_of "$one_default")" "$(jps_of "$two_default")")"
echo "  jobs left unfinished after both runs: $stuck"

# Pages. A signed-in session is a row in PostgreSQL, so its cookie works on every node.
page_jar="$work/page-jar"
sign_up "$base" "$page_host" "$page_jar" visitor@example.com
cookie="Cookie: atelier_session=$(awk '$6 == "atelier_session" {print $7}' "$page_jar")"
curl -s -H "Host: $page_host" -H "$cookie" "$base/" | contains 'href="/account"' \
  || { echo "the page is not signed in (session cookie: '${cookie#Cookie: atelier_session=}')" >&2; exit 1; }
rps() { # rps URL CONNECTIONS [HEADER]: wrk's requests/s; its non-2xx answers and socket errors go to $work/errors
  local report
  report=$(wrk -t"$(( $2 > 16 ? 2 : 1 ))" -c"$2" -d"$duration" -H "Host: $page_host" ${3:+-H "$3"} "$1")
  echo "$report" | awk '/Non-2xx|Socket errors/' >> "$work/errors"
  echo "$report" | awk '/Requests\/sec/ {print $2}'
}
both() { # both [HEADER]: req/s of two wrk processes in parallel, one per web node, 16 connections each, summed
  rps "http://127.0.0.1:$web1/" 16 "$@" > "$work/a" & local a=$!
  rps "http://127.0.0.1:$web2/" 16 "$@" > "$work/b"; wait $a
  awk "BEGIN{printf \"%.2f\", $(cat "$work/a") + $(cat "$work/b")}"
  echo " ($(cat "$work/a") + $(cat "$work/b"))"
}
rps "$base/" 32 >/dev/null; rps "$base/" 32 "$cookie" >/dev/null
one_out=$(rps "$base/" 32); one_in=$(rps "$base/" 32 "$cookie")
start_node web $web2
rps "http://127.0.0.1:$web2/" 32 >/dev/null; rps "http://127.0.0.1:$web2/" 32 "$cookie" >/dev/null
two_out=$(both); two_in=$(both "$cookie")

echo "pages: AuraTuner landing, 32 connections in all for ${duration} (2 nodes: one wrk -t1 -c16 per node, summed)"
echo "  signed out: 1 web node $one_out req/s, 2 web nodes $two_out req/s," \
  "ratio $(ratio "$one_out" "${two_out%% *}")"
echo "  signed in:  1 web node $one_in req/s, 2 web nodes $two_in req/s," \
  "ratio $(ratio "$one_in" "${two_in%% *}")"
errors=$(tr '\n' ';' < "$work/errors" 2>/dev/null | sed 's/;$//')
echo "  wrk's non-2xx answers and socket errors: ${errors:-none}"
