#!/usr/bin/env bash
# Payment webhook intake: signed sandbox webhooks (a top-up paid, each with its own event and payment id) verified by
# the provider plugin, recorded once and applied (a payment row and a ledger grant each), against a bare Jetty
# handler answering the same POSTs, in one run.
# Usage: bench/webhook-throughput.sh [events] [concurrency]
source "$(dirname "$0")/lib.sh"
events=${1:-2000}; concurrency=${2:-8}; port=18191; bare_port=18192; host=bench.localhost
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
ATELIER_TENANT_CONFIGS_DIR="$work/tenants" start_atelier $port "$work/data"
wait_for "$base/readyz" 300

# One buyer whose first checkout records the sandbox's customer, whom every webhook then names.
jar="$work/jar"
sign_up "$base" "$host" "$jar" buyer@example.com
account=$(curl -s -b "$jar" -H "Host: $host" "$base/api/v1/account")
account_id=$(echo "$account" | sed 's/.*"id":"\(acc_[0-9a-f]*\)".*/\1/')
session_csrf=$(echo "$account" | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
curl -s -b "$jar" -H "Host: $host" -H "X-CSRF-Token: $session_csrf" -H 'Content-Type: application/json' \
  "$base/api/v1/billing/checkouts" -d '{"offer":"pack"}' -o /dev/null

load() { java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$cp_" dev.atelier.bench.WebhookLoad "$1" "$host" \
  "$secret" "sbx_cus_$account_id" pack "$2" "$concurrency"; }
load "$base/api/v1/payments/sandbox/webhook" 200 >/dev/null
platform=$(load "$base/api/v1/payments/sandbox/webhook" "$events")
balance=$(curl -s -b "$jar" -H "Host: $host" "$base/api/v1/credits" | sed 's/.*"balance":\([0-9]*\).*/\1/')
stop_pid $ATELIER_PID; ATELIER_PID=

echo '{"events": 1, "applied": 1}' > "$work/answer.json"
java -cp "$cp_" dev.atelier.bench.BareJettyServer $bare_port "$work/answer.json" application/json >/dev/null 2>&1 &
bare_pid=$!
wait_for "http://127.0.0.1:$bare_port/" 30
load "http://127.0.0.1:$bare_port/" 200 >/dev/null
bare=$(load "http://127.0.0.1:$bare_port/" "$events")

p=$(echo "$platform" | sed 's/events_per_second=\([0-9.]*\).*/\1/'); b=$(echo "$bare" | sed 's/events_per_second=\([0-9.]*\).*/\1/')
echo "sandbox webhooks, $events events, $concurrency at a time"
echo "  platform (verified, recorded, applied): $platform; buyer's balance after: $balance credits"
echo "  bare Jetty answering the same POSTs:    $bare"
echo "  ratio: $(awk "BEGIN{printf \"%.2f\", $p/$b}")"
