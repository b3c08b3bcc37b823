# Sourced by run.sh and fixed-rate.sh (not run on its own): the load host they share.
# Autoscaler.AdapterLoad serves the adapter's full HTTPS stack on one port and a minimal Kestrel HTTPS endpoint
# returning the same bytes with the same certificate on another, both on loopback.
#   require_tools TOOL...              exits 2 naming the first missing tool (Debian package of the same name)
#   start_load_host PORT BASELINE_PORT builds (Release), starts the host as a coprocess, kills it on exit, and waits
#                                      (at most 60 s) for its one ready line, echoed to stderr
#   LOAD_PATH, LOAD_AUTH               the cached external-metric read both scripts request, and its bearer header
# Expects to be sourced from the repository root with `set -euo pipefail`.

LOAD_PATH="/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_length?labelSelector=queue%3Dorders"
LOAD_AUTH="Authorization: Bearer bench"

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install $tool)" >&2; exit 2; }
  done
}

start_load_host() {
  local port=$1 baseline_port=$2 line
  dotnet build -c Release -v q benchmarks/adapter/Autoscaler.AdapterLoad >/dev/null
  coproc HOST { exec dotnet benchmarks/adapter/Autoscaler.AdapterLoad/bin/Release/net10.0/Autoscaler.AdapterLoad.dll "$port" "$baseline_port"; }
  load_host_pid=$HOST_PID
  trap 'kill "$load_host_pid" 2>/dev/null || true' EXIT
  read -r -t 60 line <&"${HOST[0]}" || { echo "the load host (ports $port, $baseline_port) did not report ready within 60 s" >&2; exit 1; }
  echo "$line" >&2
}
