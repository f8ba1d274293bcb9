#!/usr/bin/env bash
# Rate-limit decisions per second through Redis (the limiter every node shares) against redis-benchmark's INCR on the
# same Redis server with as many clients, in one run. INCR is the cheapest counting Redis offers (one command per
# request, each client waiting for its answer); a decision is a token-bucket update of two commands, a GET and a
# compare-and-swap script (EVAL), sent by many threads over the node's one pipelined Lettuce connection.
# Usage: bench/ratelimit-throughput.sh [seconds] [clients] [keys]
# Starts its own redis-server on a free port (no persistence), so the machine's Redis is left alone.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seconds=${1:-15}; clients=${2:-16}; keys=${3:-10000}
command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
redis_pid=$!
trap 'kill $redis_pid 2>/dev/null || true; wait $redis_pid 2>/dev/null || true; rm -rf "$dir"' EXIT
until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done

requests=$(( seconds * 40000 ))
echo "baseline: redis-benchmark -t incr, $clients clients, $requests requests, random keys out of $keys"
redis-benchmark -p "$port" -t incr -c "$clients" -n "$requests" -r "$keys" -q | tr '\r' '\n' | grep -E "^INCR" \
  | tail -1 | sed 's/^/  /'
redis-cli -p "$port" flushall >/dev/null

echo "limiter: RedisRateLimiter.tryAcquire, $clients threads, $keys keys, ${seconds}s"
java -cp "$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*" dev.atelier.bench.RateLimitLoad \
  "redis://127.0.0.1:$port" "$seconds" "$clients" "$keys" 2>/dev/null | grep "rate limiter"
