#!/usr/bin/env bash
# Fixed-rate load against the adapter's cached external-metric read over HTTPS (issue #15): Debian's `hey`
# with -q (per-worker rate limit), so the offered rate is fixed (wrk2-style) instead of closed-loop.
# Same host as run.sh (Autoscaler.AdapterLoad: full HTTPS stack, bearer token + SubjectAccessReview through their
# caches, selector parsing, composite provider, JSON over an in-memory source).
#   RATES="1000 2500"  offered rates in requests/s, one run each (default: 1000)
#   DURATION=60         seconds per run;  WORKERS=50  hey workers (-c); each sends RATE/WORKERS per second
# Prints one markdown row per rate: achieved rate, requests, non-200 answers, transport errors, p50/p99/max.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATES=${RATES:-1000}
DURATION=${DURATION:-60}
WORKERS=${WORKERS:-50}
PORT=${PORT:-18453}
BASELINE_PORT=${BASELINE_PORT:-18454}
# shellcheck source=benchmarks/adapter/lib-host.sh
source benchmarks/adapter/lib-host.sh
require_tools hey

start_load_host "$PORT" "$BASELINE_PORT"
url="https://127.0.0.1:$PORT$LOAD_PATH"
auth=$LOAD_AUTH
hey -z 5s -c 10 -q 100 -H "$auth" "$url" >/dev/null   # warm-up (JIT, TLS)

printf '| offered req/s | achieved req/s | requests | non-200 | errors | p50 ms | p99 ms | slowest ms |\n|---|---|---|---|---|---|---|---|\n'
for rate in $RATES; do
  per_worker=$(( (rate + WORKERS - 1) / WORKERS ))
  out=$(hey -z "${DURATION}s" -c "$WORKERS" -q "$per_worker" -H "$auth" "$url")
  echo "$out" > "/tmp/fixed-rate-$rate.txt"
  ok=$(echo "$out" | awk '/^  \[200\]/ {print $2}'); ok=${ok:-0}
  total=$(echo "$out" | awk '/^  \[[0-9]+\]/ {s += $2} END {print s + 0}')
  errors=$(echo "$out" | awk '/^Error distribution:/ {e = 1; next} e && /^  \[/ {gsub(/[\[\]]/, "", $1); s += $1} END {print s + 0}')
  achieved=$(echo "$out" | awk '/Requests\/sec:/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" && $2 == "in" {print $3 * 1000}')
  p99=$(echo "$out" | awk '$1 == "99%" && $2 == "in" {print $3 * 1000}')
  slowest=$(echo "$out" | awk '/Slowest:/ {print $2 * 1000}')
  printf '| %s | %.0f | %s | %s | %s | %.2f | %.2f | %.1f |\n' "$rate" "$achieved" "$((total + errors))" "$((total - ok))" "$errors" "$p50" "$p99" "$slowest"
done
