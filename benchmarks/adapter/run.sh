#!/usr/bin/env bash
# Cached external-metric reads through the adapter's full HTTPS stack (TLS, bearer-token authentication and
# SubjectAccessReview via their caches, routing, selector parsing, provider, JSON) against a minimal Kestrel
# HTTPS endpoint that returns the same bytes with the same certificate, measured in the same run.
#   throughput: wrk, alternating adapter/baseline rounds; reports requests/s and the ratio
#   latency:    hey at a fixed 1,000 requests/s (10 workers x 100/s); reports p50/p99
# Loopback only, bounded: about 2 minutes. Needs Debian's wrk and hey.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18443}
BASELINE_PORT=${BASELINE_PORT:-18444}
# shellcheck source=benchmarks/adapter/lib-host.sh
source benchmarks/adapter/lib-host.sh
require_tools wrk hey

start_load_host "$PORT" "$BASELINE_PORT"
adapter="https://127.0.0.1:$PORT$LOAD_PATH"
baseline="https://127.0.0.1:$BASELINE_PORT$LOAD_PATH"
auth=$LOAD_AUTH

rps() { wrk -t2 -c"$CONNECTIONS" -d"${1}s" -H "$auth" "$2" | awk '/Requests\/sec/ {print $2}'; }
p() { hey -z "${DURATION}s" -c 10 -q 100 -H "$auth" "$1" | awk -v q="$2" '$1 == q"%" && $2 == "in" {print $3 * 1000}'; }

rps 3 "$adapter" >/dev/null; rps 3 "$baseline" >/dev/null   # warm-up (JIT, TLS session caches)
a_sum=0; b_sum=0
for _ in $(seq "$ROUNDS"); do
  a=$(rps "$DURATION" "$adapter"); b=$(rps "$DURATION" "$baseline")
  echo "round: adapter $a req/s, baseline $b req/s" >&2
  a_sum=$(echo "$a_sum + $a" | bc -l); b_sum=$(echo "$b_sum + $b" | bc -l)
done
a_p50=$(p "$adapter" 50); a_p99=$(p "$adapter" 99)
b_p50=$(p "$baseline" 50); b_p99=$(p "$baseline" 99)
a_rps=$(echo "$a_sum / $ROUNDS" | bc -l); b_rps=$(echo "$b_sum / $ROUNDS" | bc -l)

printf '| endpoint | requests/s (wrk, %s conns, %sx%ss) | p50 ms @1000 rps | p99 ms @1000 rps |\n|---|---|---|---|\n' "$CONNECTIONS" "$ROUNDS" "$DURATION"
printf '| adapter (full HTTPS stack) | %.0f | %.2f | %.2f |\n' "$a_rps" "$a_p50" "$a_p99"
printf '| minimal Kestrel, same bytes | %.0f | %.2f | %.2f |\n' "$b_rps" "$b_p50" "$b_p99"
printf '| ratio adapter/baseline | %.2f | | |\n' "$(echo "$a_rps / $b_rps" | bc -l)"
