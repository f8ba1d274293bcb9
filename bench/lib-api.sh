# Shared functions of the benchmarks that drive the JSON API as one user with an API token. Source after lib.sh.

# write_bench_tenant DIR: a tenant "bench" (host bench.localhost) whose users start with plenty of credits and may
# queue many jobs at once, in DIR/bench/tenant.yaml (point ATELIER_TENANT_CONFIGS_DIR at DIR).
write_bench_tenant() {
  mkdir -p "$1/bench"
  cat > "$1/bench/tenant.yaml" <<YAML
slug: bench
name: Bench
status: active
support_email: help@bench.example
hosts: [bench.example]
models:
  - {id: procedural, credits: 1}
storage: {plugin: local, config: {}}
credits: {signup_bonus: 100000, max_concurrent_jobs_per_user: 1000, max_concurrent_jobs_per_tenant: 1000}
YAML
}

# api_token BASE HOST DATA_DIR JAR EMAIL: signs EMAIL up, confirms its address through the mail the platform wrote
# to DATA_DIR/mail (API tokens are for confirmed emails), and prints a new API token.
api_token() {
  local base=$1 host=$2 data=$3 jar=$4 email=$5 verify_path= csrf
  sign_up "$base" "$host" "$jar" "$email"
  # Quoted-printable mail: soft line breaks and =3D undone.
  for _ in $(seq 1 1200); do
    verify_path=$(cat "$data/mail/"*.eml 2>/dev/null | tr -d '\r' | sed -e ':a' -e '/=$/{N;s/=\n//;ba' -e '}' \
      | sed 's/=3D/=/g' | grep -o '/verify?token=[A-Za-z0-9_-]*' | head -1 || true)
    [ -n "$verify_path" ] && break
    sleep 0.1
  done
  [ -n "$verify_path" ] || { echo "no confirmation mail in $data/mail" >&2; return 1; }
  curl -s -c "$jar" -b "$jar" -H "Host: $host" "$base$verify_path" -o /dev/null
  csrf=$(curl -s -b "$jar" -H "Host: $host" "$base/api/v1/account" | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
  curl -s -b "$jar" -H "Host: $host" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    "$base/api/v1/account/tokens" -d '{"name":"bench"}' | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
