#!/usr/bin/env bash
# CPU and memory of the real adapter program at idle (issue #15: the manifests' requests/limits). Starts the
# Release build of src/Autoscaler.MetricsAdapter on loopback (push source with its SQLite store, no cluster, auth off),
# waits until /livez answers, then reads /proc/<pid> over IDLE seconds: CPU cores (utime+stime delta / wall time),
# VmRSS at the end and VmHWM (peak since start, start-up included). Stops the process it started.
#   IDLE=30  seconds to observe;  PORT=18463 HTTPS port;  GRPC_PORT=18464 push port
set -euo pipefail
cd "$(dirname "$0")/../.."
IDLE=${IDLE:-30}
PORT=${PORT:-18463}
GRPC_PORT=${GRPC_PORT:-18464}
work=$(mktemp -d)
dotnet build -c Release -v q src/Autoscaler.MetricsAdapter >/dev/null
dotnet src/Autoscaler.MetricsAdapter/bin/Release/net10.0/Autoscaler.MetricsAdapter.dll \
  --secure-port "$PORT" --bind-address 127.0.0.1 --insecure-disable-auth --authentication-skip-lookup \
  "--Grpc:Port=$GRPC_PORT" "--Storage:DatabasePath=$work/samples.db" >"$work/adapter.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -ksf "https://127.0.0.1:$PORT/livez" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/adapter.log" >&2; exit 1; }
  sleep 0.5
done
curl -ksf "https://127.0.0.1:$PORT/livez" >/dev/null || { echo "adapter did not answer /livez" >&2; exit 1; }
ticks=$(getconf CLK_TCK)
c0=$(awk '{print $14 + $15}' "/proc/$pid/stat"); t0=$(date +%s%N)
sleep "$IDLE"
c1=$(awk '{print $14 + $15}' "/proc/$pid/stat"); t1=$(date +%s%N)
awk -v a="$c0" -v b="$c1" -v t="$ticks" -v s0="$t0" -v s1="$t1" 'BEGIN {printf "idle %.0f s: cpu cores %.4f\n", (s1 - s0) / 1e9, (b - a) / t / ((s1 - s0) / 1e9)}'
awk '/^VmRSS:|^VmHWM:/ {printf "%s %.0f MiB\n", $1, $2 / 1024}' "/proc/$pid/status"
