#!/usr/bin/env bash
# Requests per second of a tenant's themed landing page against a bare Jetty handler returning a static page of the
# same bytes, same run, with the two demo tenants and again with 1,000 tenants configured; and the platform's memory
# (heap after a full GC, and resident set size) in each case. Installs wrk from Debian's packages when missing.
# Usage: bench/landing-throughput.sh [DURATION] [TENANTS]   (defaults 15s, 1000)
source "$(dirname "$0")/lib.sh"
duration=${1:-15s}; many=${2:-1000}; port=18185; bare_port=18186
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d)
trap '[ -n "${ATELIER_PID:-}" ] && stop_pid $ATELIER_PID; [ -n "${bare_pid:-}" ] && stop_pid $bare_pid; rm -rf "$work"' EXIT

# A folder with the demo tenants plus (count - 2) generated ones.
make_tenants() {
  local dir=$1 count=$2
  mkdir -p "$dir"; cp -r "$REPO"/tenant-configs/*/ "$dir"/
  for i in $(seq 1 $(( count - 2 ))); do
    local slug; slug=$(printf 'tenant%04d' "$i"); mkdir -p "$dir/$slug"
    cat > "$dir/$slug/tenant.yaml" <<YAML
slug: $slug
name: Tenant $i
status: active
support_email: help@$slug.example
hosts: [$slug.example]
branding:
  tagline: Generated tenant number $i
  colors: {primary: "#3355aa", on_primary: "#ffffff", accent: "#ee7744", background: "#ffffff",
           surface: "#f4f4f8", text: "#1a1a22", muted: "#666677"}
  fonts: {heading: "Georgia, serif", body: "system-ui, sans-serif"}
models:
  - {id: procedural, credits: 1}
YAML
  done
}

rps() { wrk -t2 -c32 -d"$duration" -H "Host: $2" "$1" | awk '/Requests\/sec/ {print $2}'; }
heap_and_rss() {
  jcmd "$ATELIER_JAVA" GC.run >/dev/null 2>&1 || true; sleep 1
  local heap; heap=$(jcmd "$ATELIER_JAVA" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen/ {for(i=1;i<=NF;i++) if($i=="used") {print $(i+1); exit}}')
  local rss; rss=$(ps -o rss= -p "$ATELIER_JAVA" | awk '{printf "%d MB", $1/1024}')
  echo "heap used after GC: ${heap:-?}, RSS: $rss"
}

measure() {
  local count=$1 dir="$work/tenants-$1"
  make_tenants "$dir" "$count"
  mkdir -p "$work/data-$count"
  ATELIER_TENANT_CONFIGS_DIR="$dir" start_atelier $port "$work/data-$count"
  wait_for "http://127.0.0.1:$port/readyz" 300
  ATELIER_JAVA=$ATELIER_PID   # bin/atelier execs java, so this is the JVM
  curl -s -H "Host: auratuner.localhost" "http://127.0.0.1:$port/" > "$work/landing.html"
  java -cp "$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*" dev.atelier.bench.BareJettyServer \
    $bare_port "$work/landing.html" "text/html;charset=utf-8" >/dev/null 2>&1 & bare_pid=$!
  wait_for "http://127.0.0.1:$bare_port/"
  rps "http://127.0.0.1:$port/" auratuner.localhost >/dev/null; rps "http://127.0.0.1:$bare_port/" x >/dev/null
  local a b; a=$(rps "http://127.0.0.1:$port/" auratuner.localhost); b=$(rps "http://127.0.0.1:$bare_port/" x)
  echo "tenants=$count  page=$(wc -c < "$work/landing.html") bytes  wrk -t2 -c32 -d$duration"
  echo "  bare Jetty static page: $b req/s"
  echo "  themed landing page:    $a req/s"
  echo "  ratio:                  $(awk "BEGIN{printf \"%.2f\", $a/$b}")"
  echo "  $(heap_and_rss)"
  stop_pid $bare_pid; bare_pid=; stop_pid $ATELIER_PID; ATELIER_PID=
}

measure 2
measure "$many"
