#!/usr/bin/env bash
# Time from copying a bundle jar into deploy/ to its model being listed by /api/v1/models, and from deleting it to
# the model being gone. Runs the platform with an empty deploy folder and the default 200 ms poll interval.
# Usage: bench/deploy-latency.sh [RUNS]   (default 10)
source "$(dirname "$0")/lib.sh"
runs=${1:-10}; port=18182
work=$(mktemp -d); deploy="$work/deploy"; mkdir -p "$deploy" "$work/data"
start_atelier $port "$work/data" "$deploy"
trap 'stop_pid $ATELIER_PID; rm -rf "$work"' EXIT
wait_for "http://127.0.0.1:$port/readyz" 120
listed() { curl -s "http://127.0.0.1:$port/api/v1/models" | contains '"id":"procedural"'; }
add=(); del=()
for i in $(seq "$runs"); do
  t0=$(now_ms); cp "$LAYOUT/deploy/model-procedural.jar" "$deploy/"
  until listed; do sleep 0.01; done; add+=($(( $(now_ms) - t0 )))
  t0=$(now_ms); rm "$deploy/model-procedural.jar"
  while listed; do sleep 0.01; done; del+=($(( $(now_ms) - t0 )))
done
echo "runs=$runs"
echo "copy → listed:  median $(printf '%s\n' "${add[@]}" | median) ms, max $(printf '%s\n' "${add[@]}" | sort -n | tail -1) ms   (all: ${add[*]})"
echo "delete → gone:  median $(printf '%s\n' "${del[@]}" | median) ms, max $(printf '%s\n' "${del[@]}" | sort -n | tail -1) ms   (all: ${del[*]})"
