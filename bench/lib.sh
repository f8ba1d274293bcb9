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

# wait_for URL [TIMEOUT_S]: polls until URL answers 200.
wait_for() {
  local url=$1 deadline=$(( $(date +%s) + ${2:-60} ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for $url" >&2; return 1; }
    sleep 0.02
  done
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
