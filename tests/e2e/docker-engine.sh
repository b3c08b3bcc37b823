#!/usr/bin/env bash
# A private Docker engine for the Testcontainers e2e path (issue #16), running inside a private network
# namespace so that the containers' "host network" is that namespace: servers bound to 127.0.0.1 there are
# reached only from inside, and the service address the aggregator proxies to (Endpoints may not hold
# loopback) is on its lo. Nothing else on the machine is touched: no bridge, no iptables rules, its own
# data root, exec root, pid file, socket and cgroup parent under the state directory.
# The control plane itself is started by the test fixture through Testcontainers (ContainerControlPlane), on
# this engine; tests/e2e/run.sh does everything in one command.
# Usage: tests/e2e/docker-engine.sh up|down|env|status|exec COMMAND...
#   up      install Debian's docker.io if missing (without starting the system service), start dockerd, print env
#   env     print DOCKER_HOST, DOCKER_API_VERSION, the Testcontainers settings and the namespace for the tests
#   status  exit 0 when our dockerd is alive and answers /_ping
#   exec    run COMMAND inside the namespace with the env exported, e.g.
#           tests/e2e/docker-engine.sh exec dotnet test tests/Autoscaler.E2E.Tests --no-build --filter Category=Kubernetes
#   down    stop dockerd by its pid (and anything left in the namespace), unmount and delete its data and the
#           tests' $STATE/tmp, remove the namespace and its cgroups; idempotent
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/e2e/lib-build.sh
source "$here/lib-build.sh"

STATE="${AUTOSCALER_E2E_STATE:-/tmp/autoscaler-e2e-containers}"
NETNS="${AUTOSCALER_E2E_NETNS:-autoscaler-e2e-containers}"
SERVICE_ADDRESS=10.123.0.1
ENGINE="$STATE/engine"
SOCKET="$ENGINE/docker.sock"
CGROUP_PARENT="autoscaler-e2e-$NETNS"

# Debian's postinst would start the system dockerd through invoke-rc.d; a policy-rc.d that denies it is put
# in place for the install only, when the machine has none.
install_engine() {
  command -v dockerd >/dev/null && command -v containerd >/dev/null && command -v runc >/dev/null && return 0
  local policy=/usr/sbin/policy-rc.d added=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; added=1; fi
  log "installing docker.io"
  apt_update_once
  apt_get install -y -qq --no-install-recommends docker.io || { [ "$added" -eq 1 ] && rm -f "$policy"; return 1; }
  if [ "$added" -eq 1 ]; then rm -f "$policy"; fi
}

ping_engine() { curl -fsS --max-time 2 --unix-socket "$SOCKET" http://engine/_ping; }

engine_pid() { cat "$ENGINE/dockerd.pid" 2>/dev/null || cat "$ENGINE/launched.pid" 2>/dev/null; }

api_version() {
  curl -fsS --max-time 5 --unix-socket "$SOCKET" http://engine/version | sed -n -E 's/.*"ApiVersion":"([0-9.]+)".*/\1/p'
}

print_env() {
  cat <<ENV
DOCKER_HOST=unix://$SOCKET
DOCKER_API_VERSION=$(api_version)
TESTCONTAINERS_RYUK_DISABLED=true
TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
AUTOSCALER_E2E_NETNS=$NETNS
AUTOSCALER_E2E_SERVICE_ADDRESS=$SERVICE_ADDRESS
AUTOSCALER_E2E_STATE=$STATE
ENV
}

status() {
  local pid
  pid=$(engine_pid) && kill -0 "$pid" 2>/dev/null && ping_engine >/dev/null 2>&1
}

up() {
  install_engine
  if status; then log "engine already up"; print_env; return 0; fi
  down >/dev/null 2>&1 || true
  local start=$SECONDS
  mkdir -p "$ENGINE"
  ip netns add "$NETNS"
  ip netns exec "$NETNS" ip link set lo up
  ip netns exec "$NETNS" ip addr add "$SERVICE_ADDRESS/32" dev lo
  # nsenter enters only the network namespace (ip netns exec would also remount /sys and hide the cgroup
  # mounts dockerd needs); it execs dockerd, so $! is dockerd's pid.
  nsenter --net="/var/run/netns/$NETNS" dockerd --data-root "$ENGINE/data" --exec-root "$ENGINE/exec" \
    --pidfile "$ENGINE/dockerd.pid" --host "unix://$SOCKET" --bridge=none --iptables=false --ip6tables=false \
    --ip-forward=false --ip-masq=false --userland-proxy=false --cgroup-parent="/$CGROUP_PARENT" \
    --log-level=warn </dev/null >"$STATE/dockerd.log" 2>&1 &
  echo $! >"$ENGINE/launched.pid"
  local deadline=$((SECONDS + 60))
  until ping_engine >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$ENGINE/launched.pid")" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      log "dockerd did not start; last log lines:"; tail -n 30 "$STATE/dockerd.log" >&2; return 1
    fi
    sleep 0.2
  done
  print_env >"$STATE/engine.env"
  log "engine up in $((SECONDS - start)) s (namespace $NETNS, socket $SOCKET)"
  print_env
}

down() {
  local pid
  if pid=$(engine_pid) && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  if ip netns list | grep -qw "^$NETNS"; then
    # containerd, shims and containers left in our namespace: stop them by pid.
    for pid in $(ip netns pids "$NETNS" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns del "$NETNS"
  fi
  # Mounts under the engine's directories (overlay layers, shm, the managed containerd's), innermost first.
  awk -v root="$ENGINE/" 'index($2, root) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m" || true; done
  # tmp/ is the test process's TMPDIR (the fixture points it there: ControlPlaneImage.UsePrivateTempDirectory).
  rm -rf "$ENGINE" "$STATE/engine.env" "$STATE/tmp"
  local d
  for d in /sys/fs/cgroup/*/"$CGROUP_PARENT"; do
    [ -d "$d" ] || continue
    find "$d" -mindepth 1 -depth -type d -exec rmdir {} \; 2>/dev/null || true
    rmdir "$d" 2>/dev/null || true
  done
  log "engine down"
}

# Runs a command inside the namespace with the engine's env exported (what a test run needs); exits with its code.
run_inside() {
  [ $# -gt 0 ] || { log "exec needs a command, e.g. dotnet test tests/Autoscaler.E2E.Tests --no-build --filter Category=Kubernetes"; exit 2; }
  [ -f "$STATE/engine.env" ] && status || { log "engine not up ($STATE): run $0 up first (with the same AUTOSCALER_E2E_STATE/NETNS)"; exit 1; }
  set -a
  # shellcheck disable=SC1091
  source "$STATE/engine.env"
  set +a
  exec ip netns exec "$NETNS" "$@"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  env) [ -f "$STATE/engine.env" ] && cat "$STATE/engine.env" || { log "not up"; exit 1; } ;;
  status) if status; then echo "up"; else echo "down"; exit 1; fi ;;
  exec) run_inside "${@:2}" ;;
  *) echo "usage: $0 up|down|env|status|exec COMMAND..." >&2; exit 2 ;;
esac
