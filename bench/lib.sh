# Shared helpers of the benchmark scripts. Source it; needs curl and a built distribution (./dev start builds one,
# or `mvn -q -DskipTests package`).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
LAYOUT="$REPO/distribution/target/atelier"
[ -x "$LAYOUT/bin/atelier" ] || { echo "no distribution at $LAYOUT: run 'mvn -q -DskipTests package' first" >&2; exit 1; }

now_ms() { date +%s%3N; }

# contains TEXT: whether standard input holds TEXT. It reads its input to the end: `curl … | grep -q` stops reading at
# the first match, curl then fails writing the rest, and under pipefail the whole test reads as "not found".
contains() { grep -F -- "$1" >/dev/null; }

# wait_for URL [TIMEOUT_S]: polls every 20 ms until URL answers 200. No process is started per poll: a curl costs
# about 20 ms of CPU and a `sleep` about 5 ms, and polled every 20 ms while a start is being timed they took a quarter
# of a 2-core machine away from the JVM being measured.
wait_for() {
  local url=$1 deadline=$(( EPOCHSECONDS + ${2:-60} ))
  while :; do
    http_status "$url"
    [ "$HTTP_STATUS" = 200 ] && return 0
    [ "$EPOCHSECONDS" -lt "$deadline" ] || { echo "timed out waiting for $url" >&2; return 1; }
    nap 0.02
  done
}

# http_status URL: sets HTTP_STATUS to the status of GET URL (000 when nothing answers). An http://HOST:PORT/PATH URL is
# asked through bash's own /dev/tcp; any other through curl.
http_status() {
  HTTP_STATUS=000
  if [[ $1 =~ ^http://([^/:]+):([0-9]+)(/.*)?$ ]]; then
    local host=${BASH_REMATCH[1]} port=${BASH_REMATCH[2]} path=${BASH_REMATCH[3]:-/} line=
    { exec {HTTP_FD}<>"/dev/tcp/$host/$port"; } 2>/dev/null || return 0
    printf 'GET %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$path" "$host" "$port" >&"$HTTP_FD"
    read -r -t 10 -u "$HTTP_FD" line || true
    exec {HTTP_FD}<&-
    if [[ $line =~ ^HTTP/[0-9.]+\ ([0-9]{3}) ]]; then HTTP_STATUS=${BASH_REMATCH[1]}; fi
  else
    HTTP_STATUS=$(curl -s -o /dev/null -w '%{http_code}' "$1")
  fi
}

# nap SECONDS: waits without starting a process, by waiting to read a pipe nobody writes to.
nap() {
  if [ -z "${NAP_FD:-}" ]; then
    local pipe; pipe=$(mktemp -u); mkfifo "$pipe"; exec {NAP_FD}<>"$pipe"; rm -f "$pipe"
  fi
  read -r -t "$1" -u "$NAP_FD" _ || true
}

# start_atelier PORT DATA_DIR [DEPLOY_DIR]: starts the platform in the background; sets ATELIER_PID. A load of one
# account submitting hundreds of generations is what the benchmarks measure, not abuse: their submit limit is lifted
# unless ATELIER_RATE_LIMITS says otherwise.
start_atelier() {
  local port=$1 data=$2 deploy=${3:-$LAYOUT/deploy}
  ATELIER_RATE_LIMITS="${ATELIER_RATE_LIMITS:-generation-submit=1000000/1m}" \
  ATELIER_DATA_DIR="$data" ATELIER_PLUGINS_DEPLOY_DIR="$deploy" ATELIER_HTTP_HOST=127.0.0.1 \
    "$LAYOUT/bin/atelier" start --port "$port" >"$data.log" 2>&1 &
  ATELIER_PID=$!
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Signs up <email> on <host> at <base> in the cookie jar <jar> (the browser the bench then is), optionally as client
# address <ip> (a platform started with trusted forwarded headers counts sign-ups per that address). Usage:
# sign_up <base> <host> <jar> <email> [ip]
sign_up() {
  local base=$1 host=$2 jar=$3 email=$4 ip=${5:-127.0.0.1} form csrf
  form=$(curl -s -c "$jar" -b "$jar" -H "Host: $host" -H "X-Forwarded-For: $ip" "$base/signup")
  csrf=$(echo "$form" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -c "$jar" -b "$jar" -H "Host: $host" -H "X-Forwarded-For: $ip" "$base/signup" -o /dev/null \
    --data-urlencode "csrf=$csrf" \
    --data-urlencode "email=$email" --data-urlencode "password=a long bench passphrase 42" --data-urlencode "terms=yes"
}
