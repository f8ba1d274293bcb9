#!/usr/bin/env bash
# Payment webhook intake: signed sandbox webhooks (a top-up paid, each with its own event and payment id) verified by
# the provider plugin, recorded once and applied (a payment row and a ledger grant each), against a bare Jetty
# handler answering the same POSTs, in one run. The payments are spread over [buyers] accounts, as a tenant's
# webhooks are spread over its customers (one account's events apply one after another under its ledger lock).
# Steady state is measured: each run first posts [warmup] events untimed, enough for the JIT to have compiled the path
# (with 500, the compiler threads still took a third of the CPU during the timed events).
# Usage: bench/webhook-throughput.sh [events] [concurrency] [buyers] [warmup]
source "$(dirname "$0")/lib.sh"
events=${1:-2000}; concurrency=${2:-8}; buyers=${3:-32}; warmup=${4:-6000}; port=18191; bare_port=18192; host=bench.localhost
work=$(mktemp -d)
trap '[ -n "${ATELIER_PID:-}" ] && stop_pid $ATELIER_PID; [ -n "${bare_pid:-}" ] && stop_pid $bare_pid; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
cp_="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"
secret="whsec_$(head -c 32 /dev/urandom | base64 -w0)"

mkdir -p "$work/tenants/bench"
cat > "$work/tenants/bench/tenant.yaml" <<YAML
slug: bench
name: Bench
status: active
support_email: help@bench.example
hosts: [bench.example]
plans:
  - {id: pack, name: "10 credits", price: {amount: 100, currency: USD}, credits: 10}
payment: {plugin: sandbox, config: {signing_secret: "$secret"}}
storage: {plugin: local, config: {}}
YAML

mkdir -p "$work/data"
ATELIER_HTTP_TRUST_FORWARDED_HEADERS=true ATELIER_TENANT_CONFIGS_DIR="$work/tenants" start_atelier $port "$work/data"
wait_for "$base/readyz" 300

# Buyers whose first checkout records the sandbox's customer, whom the webhooks then name in turn; each signs up
# from its own (forwarded) address, as separate people would.
customers=""
for i in $(seq 1 "$buyers"); do
  jar="$work/jar$i"
  sign_up "$base" "$host" "$jar" "buyer$i@example.com" "10.0.$(( i / 250 )).$(( i % 250 + 1 ))"
  account=$(curl -s -b "$jar" -H "Host: $host" "$base/api/v1/account")
  account_id=$(echo "$account" | sed 's/.*"id":"\(acc_[0-9a-f]*\)".*/\1/')
  session_csrf=$(echo "$account" | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
  curl -s -b "$jar" -H "Host: $host" -H "X-CSRF-Token: $session_csrf" -H 'Content-Type: application/json' \
    "$base/api/v1/billing/checkouts" -d '{"offer":"pack"}' -o /dev/null
  customers="$customers${customers:+,}sbx_cus_$account_id"
done

# Each run warms up in its own JVM first ($warmup events not timed), then times $events.
load() { java -cp "$cp_" dev.atelier.bench.WebhookLoad "$1" "$host" \
  "$secret" "$customers" pack "$events" "$concurrency" "$warmup"; }
platform=$(load "$base/api/v1/payments/sandbox/webhook")
balance=0
for i in $(seq 1 "$buyers"); do
  b=$(curl -s -b "$work/jar$i" -H "Host: $host" "$base/api/v1/credits" | sed 's/.*"balance":\([0-9]*\).*/\1/')
  balance=$(( balance + b ))
done
stop_pid $ATELIER_PID; ATELIER_PID=

echo '{"events": 1, "applied": 1}' > "$work/answer.json"
java -cp "$cp_" dev.atelier.bench.BareJettyServer $bare_port "$work/answer.json" application/json >/dev/null 2>&1 &
bare_pid=$!
wait_for "http://127.0.0.1:$bare_port/" 30
bare=$(load "http://127.0.0.1:$bare_port/")

p=$(echo "$platform" | sed 's/events_per_second=\([0-9.]*\).*/\1/'); b=$(echo "$bare" | sed 's/events_per_second=\([0-9.]*\).*/\1/')
echo "sandbox webhooks, $events events (after $warmup to warm up), $concurrency at a time, $buyers buyers"
echo "  platform (verified, recorded, applied): $platform; buyers' balances after: $balance credits"
echo "    (each event grants 10: $(( (events + warmup) * 10 )) expected)"
echo "  bare Jetty answering the same POSTs:    $bare"
echo "  ratio: $(awk "BEGIN{printf \"%.2f\", $p/$b}")"
