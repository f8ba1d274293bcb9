#!/usr/bin/env bash
# What accounts cost: requests per second of the AuraTuner landing page for a signed-in user (session lookup, account
# and admin check, rendering for that user, never cached) against the same page for a signed-out visitor (shared
# page cache) and against a bare Jetty handler returning the signed-in page's bytes, same run; and the time of one
# email-and-password sign-in (Argon2id at the configured parameters) against one GET /healthz.
# Usage: bench/account-pages.sh [DURATION]   (default 15s)
source "$(dirname "$0")/lib.sh"
duration=${1:-15s}; port=18187; bare_port=18188; host=auratuner.localhost
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d)
trap '[ -n "${ATELIER_PID:-}" ] && stop_pid $ATELIER_PID; [ -n "${bare_pid:-}" ] && stop_pid $bare_pid; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"

csrf_of() { grep -o 'name="csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }

# sign_up JAR EMAIL: makes an account through the sign-up form, leaving its session cookie in JAR.
sign_up() {
  curl -s -c "$1" -b "$1" -H "Host: $host" "$base/signup" -o "$work/form.html"
  curl -s -c "$1" -b "$1" -H "Host: $host" "$base/signup" -o /dev/null --data-urlencode "csrf=$(csrf_of "$work/form.html")" \
    --data-urlencode "email=$2" --data-urlencode "password=a long bench passphrase 42" --data-urlencode "terms=yes"
}

# sign_in_ms JAR EMAIL: milliseconds of one sign-in form post (the form page is fetched first, not timed).
sign_in_ms() {
  curl -s -c "$1" -b "$1" -H "Host: $host" "$base/signin" -o "$work/form.html"
  curl -s -o /dev/null -c "$1" -b "$1" -H "Host: $host" -w '%{time_total}\n' "$base/signin" \
    --data-urlencode "csrf=$(csrf_of "$work/form.html")" --data-urlencode "email=$2" \
    --data-urlencode "password=a long bench passphrase 42" | awk '{printf "%.1f\n", $1 * 1000}'
}

rps() { wrk -t2 -c32 -d"$duration" -H "Host: $host" ${3:+-H "$3"} "$1" | awk '/Requests\/sec/ {print $2}'; }

mkdir -p "$work/data"
start_atelier $port "$work/data"
wait_for "$base/readyz" 300
for i in 1 2 3 4 5 6 7 8; do sign_up "$work/jar$i" "bench$i@example.com"; done
session=$(awk '$6 == "atelier_session" {print $7}' "$work/jar1")
cookie="Cookie: atelier_session=$session"
curl -s -H "Host: $host" -H "$cookie" "$base/" > "$work/signed-in.html"
grep -q 'href="/account"' "$work/signed-in.html" || { echo "the page is not signed in" >&2; exit 1; }
java -cp "$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*" dev.atelier.bench.BareJettyServer \
  $bare_port "$work/signed-in.html" "text/html;charset=utf-8" >/dev/null 2>&1 & bare_pid=$!
wait_for "http://127.0.0.1:$bare_port/"

rps "$base/" x "$cookie" >/dev/null; rps "$base/" >/dev/null; rps "http://127.0.0.1:$bare_port/" >/dev/null
signed_in=$(rps "$base/" x "$cookie"); visitor=$(rps "$base/"); bare=$(rps "http://127.0.0.1:$bare_port/")
healthz=$(for i in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$base/healthz"; done \
  | awk '{printf "%.1f\n", $1 * 1000}' | median)
sign_in=$(for i in 1 2 3 4 5 6 7 8; do sign_in_ms "$work/jar$i" "bench$i@example.com"; done | median)

echo "landing page, wrk -t2 -c32 -d$duration, $(wc -c < "$work/signed-in.html") bytes signed in"
echo "  bare Jetty static page:       $bare req/s"
echo "  signed-out visitor (cached):  $visitor req/s   ratio $(awk "BEGIN{printf \"%.2f\", $visitor/$bare}")"
echo "  signed-in user (rendered):    $signed_in req/s   ratio $(awk "BEGIN{printf \"%.2f\", $signed_in/$bare}")"
echo "sign-in form post, median of 8: $sign_in ms   (GET /healthz median of 20: $healthz ms)"
