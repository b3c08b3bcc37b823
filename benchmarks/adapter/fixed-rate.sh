#!/usr/bin/env bash
# Fixed-rate load against the adapter's cached external-metric read over HTTPS (issue #15): Debian's `hey`
# with -q (per-worker rate limit), so the offered rate is fixed (wrk2-style) instead of closed-loop.
# Same host as run.sh (Autoscaler.AdapterLoad: full HTTPS stack, bearer token + SubjectAccessReview through their
# caches, selector parsing, composite provider, JSON over an in-memory source).
#   RATES="1000 2500"  offered rates in requests/s, one run each (default: 1000)
#   DURATION=60         seconds per run;  WORKERS=50  hey workers (-c); each sends RATE/WORKERS per second
# Prints one markdown row per rate: achieved rate, requests, non-200 answers, transport errors, p50/p99/max.
#   RESOURCES=1         also the host process's CPU (cores = CPU seconds / wall seconds, from /proc/<pid>/stat) and
#                       peak RSS (VmHWM, reset before each run through /proc/<pid>/clear_refs) per run, plus an idle row
#                       (IDLE=10 seconds after start, before the warm-up). Used for the manifests' requests/limits.
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
RESOURCES=${RESOURCES:-0}
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$load_host_pid/stat"; }
peak_reset() { echo 5 > "/proc/$load_host_pid/clear_refs"; }
peak_mib() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$load_host_pid/status"; }
cores() { awk -v a="$1" -v b="$2" -v t="$ticks" -v s="$3" 'BEGIN {printf "%.3f", (b - a) / t / s}'; }
if [[ $RESOURCES == 1 ]]; then
  idle=${IDLE:-10}; peak_reset; c0=$(cpu_ticks); start_ns=$(date +%s%N); sleep "$idle"
  secs=$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN {print (b - a) / 1e9}')
  echo "idle ${idle}s: cpu cores $(cores "$c0" "$(cpu_ticks)" "$secs"), peak RSS $(peak_mib) MiB" >&2
fi
hey -z 5s -c 10 -q 100 -H "$auth" "$url" >/dev/null   # warm-up (JIT, TLS)

printf '| offered req/s | achieved req/s | requests | non-200 | errors | p50 ms | p99 ms | slowest ms |\n|---|---|---|---|---|---|---|---|\n'
for rate in $RATES; do
  per_worker=$(( (rate + WORKERS - 1) / WORKERS ))
  [[ $RESOURCES == 1 ]] && { peak_reset; c0=$(cpu_ticks); start_ns=$(date +%s%N); }
  out=$(hey -z "${DURATION}s" -c "$WORKERS" -q "$per_worker" -H "$auth" "$url")
  if [[ $RESOURCES == 1 ]]; then
    secs=$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN {print (b - a) / 1e9}')
    echo "rate $rate: host cpu cores $(cores "$c0" "$(cpu_ticks)" "$secs"), peak RSS $(peak_mib) MiB" >&2
  fi
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
