#!/usr/bin/env bash
# Generation queue: claims per second from a long queue (20 tenants, one with 60% of the jobs; two models), each
# claim followed by its settlement as a worker makes them, from THREADS threads; then again with replicate-video
# limited to 8 running at once (each such claim also takes the model's lock and counts its running jobs).
# Usage: bench/claim-throughput.sh [seconds] [threads] [queued]   (PostgreSQL on 127.0.0.1:5432, trust auth, as on CI)
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seconds=${1:-10}; threads=${2:-8}; queued=${3:-50000}
pg="-h 127.0.0.1 -p 5432 -U postgres"
db=atelier_bench_claims_$$
trap 'dropdb $pg --if-exists "$db"' EXIT
cp_="${CLAIM_CLASSPATH_FIRST:+$CLAIM_CLASSPATH_FIRST:}$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"

for limit in "" 8; do
  createdb $pg "$db"
  echo "claims: $threads threads, $queued queued, ${seconds}s${limit:+, replicate-video limit $limit}"
  java -cp "$cp_" dev.atelier.bench.ClaimLoad "jdbc:postgresql://127.0.0.1:5432/$db" postgres "$seconds" \
    "$threads" "$queued" $limit 2>/dev/null | grep claims_per_second
  dropdb $pg "$db"
done
