#!/usr/bin/env bash
# Credit ledger: hold + capture pairs per second (each in its own transaction, as a generation's submit and
# settlement make them) against pgbench's single-row UPDATE rate on the same PostgreSQL with as many clients, in one
# run. Both are bound by how many commits the disk flushes per second; PostgreSQL flushes the commits that wait together
# as one, so the figure depends on how many transactions run at once: 16 clients stand for a platform serving many
# people at a time (each pair is two commits, so pairs/s can reach half of pgbench's transactions/s at most).
# Usage: bench/ledger-throughput.sh [seconds] [clients]   (PostgreSQL on 127.0.0.1:5432, trust auth, as on CI)
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seconds=${1:-15}; clients=${2:-16}; accounts=$(( clients * 8 ))
pg="-h 127.0.0.1 -p 5432 -U postgres"
db=atelier_bench_ledger_$$
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-contrib >/dev/null; }
createdb $pg "$db"; trap 'dropdb $pg --if-exists "$db"' EXIT

echo "baseline: pgbench single-row UPDATE, $clients clients, ${seconds}s"
pgbench $pg -i -q -s 4 "$db" >/dev/null 2>&1
cat > "/tmp/$db.sql" <<'SQL'
\set aid random(1, 400000)
UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;
SQL
pgbench $pg -n -c "$clients" -j 2 -T "$seconds" -f "/tmp/$db.sql" "$db" 2>/dev/null | grep -E "^tps" | sed 's/^/  /'
rm -f "/tmp/$db.sql"
dropdb $pg "$db"; createdb $pg "$db"

echo "ledger: hold + capture, $clients threads, $accounts accounts, ${seconds}s"
java -cp "$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*" dev.atelier.bench.LedgerLoad \
  "jdbc:postgresql://127.0.0.1:5432/$db" postgres "$seconds" "$clients" "$accounts" 2>/dev/null | grep ledger
