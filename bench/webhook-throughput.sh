#!/usr/bin/env bash
# Payment webhook intake: signed sandbox webhooks (a top-up paid, each with its own event and payment id) verified by
# the provider plugin, recorded once and applied (a payment row, a ledger grant and a receipt in the mail outbox),
# against a bare Jetty handler answering the same POSTs, in one run. The payments are spread over [buyers] accounts, as
# a tenant's webhooks are spread over its customers (one account's events apply one after another under its ledger
# lock). wrk posts them (bench/webhook.lua), [concurrency] at a time: a load driver in Java took CPU and added waits
# the platform was then blamed for on two cores. Steady state is measured: the platform first takes [warmup] seconds of
# webhooks untimed, enough for the JIT to have compiled the path. The figure is applied events per second, counted
# from the buyers' balances (10 credits each), not requests answered.
# Usage: bench/webhook-throughput.sh [seconds] [concurrency] [buyers] [warmup seconds]
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
seconds=${1:-15}; concurrency=${2:-16}; buyers=${3:-32}; warmup=${4:-90}; port=18191; bare_port=18192; host=bench.localhost
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

# Signed webhooks, written just before each run (the sandbox accepts timestamps five minutes either way), as many as
# the platform could take at 1,500 a second; wrk then posts them [concurrency] at a time, each once.
post() { # post <url> <seconds> <run> [connections]: prints wrk's report
  java -cp "$cp_" dev.atelier.bench.WebhookRequests "$work/$3.tsv" "$secret" "$customers" pack $(( $2 * 1500 )) "$3"
  wrk -t2 -c"${4:-$concurrency}" -d"$2"s -s "$BENCH_DIR/webhook.lua" "$1" -- "$work/$3.tsv" "$host" 2
}
balances() {
  local total=0 b i
  for i in $(seq 1 "$buyers"); do
    b=$(curl -s -b "$work/jar$i" -H "Host: $host" "$base/api/v1/credits" | sed 's/.*"balance":\([0-9]*\).*/\1/')
    total=$(( total + b ))
  done
  echo "$total"
}
# The warm-up runs 4 at a time: on two cores under full load the JIT's compiler thread gets little of them, and the
# path was still being compiled after tens of thousands of events; with room to spare it compiles as it goes.
post "$base/api/v1/payments/sandbox/webhook" "$warmup" warmup 4 >/dev/null
sleep 5
before=$(balances)
report=$(post "$base/api/v1/payments/sandbox/webhook" "$seconds" timed)
applied=$(( ($(balances) - before) / 10 ))
answered=$(echo "$report" | awk '/Requests\/sec/ {print $2}')
refused=$(echo "$report" | awk '/Non-2xx/ {print $NF}')
stop_pid $ATELIER_PID; ATELIER_PID=

echo '{"events": 1, "applied": 1}' > "$work/answer.json"
java -cp "$cp_" dev.atelier.bench.BareJettyServer $bare_port "$work/answer.json" application/json >/dev/null 2>&1 &
bare_pid=$!
wait_for "http://127.0.0.1:$bare_port/" 30
post "http://127.0.0.1:$bare_port/" 10 bare-warmup >/dev/null
bare=$(post "http://127.0.0.1:$bare_port/" "$seconds" bare | awk '/Requests\/sec/ {print $2}')

p=$(awk "BEGIN{printf \"%.1f\", $applied/$seconds}")
echo "sandbox webhooks for ${seconds}s (after ${warmup}s to warm up), $concurrency at a time, $buyers buyers"
echo "  platform: $p events/s verified, recorded and applied ($applied in ${seconds}s, counted from the balances);"
echo "    wrk: $answered requests/s answered, ${refused:-0} not 2xx"
echo "  bare Jetty answering the same POSTs: $bare requests/s"
echo "  ratio: $(awk "BEGIN{printf \"%.2f\", $p/$bare}")"
