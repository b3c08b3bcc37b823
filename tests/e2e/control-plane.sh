#!/usr/bin/env bash
# A real Kubernetes control plane for tests: etcd, kube-apiserver and kube-controller-manager v1.20.2
# (built once from Debian's source package, cached outside the checkout), inside a private network
# namespace. Usage: tests/e2e/control-plane.sh up|down|env|status
#   up      build/cache the binaries if needed, generate certificates, start everything, print env
#   env     print KUBECONFIG=..., AUTOSCALER_E2E_NETNS=..., the service address and the CA paths
#   status  exit 0 when every process is alive and the apiserver answers /readyz
#   down    stop every process started here (by pid), remove the namespace; idempotent
# Clients must run inside the namespace: ip netns exec "$AUTOSCALER_E2E_NETNS" <command>.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/e2e/lib-build.sh
source "$here/lib-build.sh"

STATE="${AUTOSCALER_E2E_STATE:-/tmp/autoscaler-e2e}"
NETNS="${AUTOSCALER_E2E_NETNS:-autoscaler-e2e}"
SERVICE_ADDRESS=10.123.0.1
API_PORT=6443
THROTTLED_PORT=6444
PKI="$STATE/pki"
PIDS="$STATE/pids"
LOGS="$STATE/logs"
# kube-controller-manager's HPA flags, explicit so tests (and the simulator's parity replay, issue #17) use
# the same values; printed by `env`. Sync period and tolerance are the values the suite always had (the
# tolerance is upstream's default); the downscale stabilization window is 60 s instead of upstream's 300 s
# so a legacy-path (no `behavior`) scale-down happens within a test (the adapter HPA tests set their own
# window of 0 s and are unaffected). The other two are upstream's defaults.
HPA_SYNC_PERIOD_SECONDS=5
HPA_TOLERANCE=0.1
HPA_DOWNSCALE_STABILIZATION_SECONDS=60
HPA_CPU_INITIALIZATION_PERIOD_SECONDS=300
HPA_INITIAL_READINESS_DELAY_SECONDS=30

in_ns() { ip netns exec "$NETNS" "$@"; }

# Starts a daemon inside the namespace and records its pid (ip netns exec execs the command, so $! is it).
start_daemon() {
  local name=$1; shift
  in_ns "$@" </dev/null >"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}

alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

wait_for() {
  local what=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      log "$what did not become ready in ${seconds}s; last log lines:"
      tail -n 30 "$LOGS/$what.log" >&2 || true
      return 1
    fi
    sleep 0.3
  done
}

readyz() {
  in_ns curl -fsS --max-time 2 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" \
    "https://127.0.0.1:${1:-$API_PORT}/readyz"
}

etcd_up() { in_ns curl -fsS --max-time 2 http://127.0.0.1:2379/health; }

# shellcheck source=tests/e2e/lib-pki.sh
source "$here/lib-pki.sh"

write_kubeconfig() {
  local file=$1 port=$2 cert=$3
  cat >"$file" <<YAML
apiVersion: v1
kind: Config
current-context: autoscaler-e2e
clusters:
- name: autoscaler-e2e
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority: $PKI/ca.crt
users:
- name: $cert
  user:
    client-certificate: $PKI/$cert.crt
    client-key: $PKI/$cert.key
contexts:
- name: autoscaler-e2e
  context: {cluster: autoscaler-e2e, user: $cert, namespace: default}
YAML
}

# ConfigMap watches go straight to etcd (no watch cache) and etcd history is compacted every 10 s, so a
# watch from an old resourceVersion meets the real "too old" 410 within seconds of start-up.
apiserver_flags() {
  local port=$1
  echo --etcd-servers=http://127.0.0.1:2379 --secure-port="$port" --bind-address=127.0.0.1 \
    --advertise-address="$SERVICE_ADDRESS" --service-cluster-ip-range=10.96.0.0/12 \
    --service-account-issuer=https://kubernetes.default.svc --service-account-key-file="$PKI/sa.pub" \
    --service-account-signing-key-file="$PKI/sa.key" --client-ca-file="$PKI/ca.crt" \
    --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
    --requestheader-client-ca-file="$PKI/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
    --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
    --requestheader-extra-headers-prefix=X-Remote-Extra- --proxy-client-cert-file="$PKI/front-proxy-client.crt" \
    --proxy-client-key-file="$PKI/front-proxy-client.key" --enable-aggregator-routing=true \
    --authorization-mode=Node,RBAC --profiling=false \
    --watch-cache-sizes=configmaps#0 --etcd-compaction-interval=10s
}

print_env() {
  cat <<ENV
KUBECONFIG=$STATE/admin.kubeconfig
AUTOSCALER_E2E_NETNS=$NETNS
AUTOSCALER_E2E_SERVICE_ADDRESS=$SERVICE_ADDRESS
AUTOSCALER_E2E_STATE=$STATE
AUTOSCALER_E2E_APISERVER=https://127.0.0.1:$API_PORT
AUTOSCALER_E2E_CA=$PKI/ca.crt
AUTOSCALER_E2E_CA_KEY=$PKI/ca.key
AUTOSCALER_E2E_FRONT_PROXY_CA=$PKI/front-proxy-ca.crt
AUTOSCALER_E2E_FRONT_PROXY_CLIENT_CERT=$PKI/front-proxy-client.crt
AUTOSCALER_E2E_FRONT_PROXY_CLIENT_KEY=$PKI/front-proxy-client.key
AUTOSCALER_E2E_USER_KUBECONFIG=$STATE/user.kubeconfig
AUTOSCALER_E2E_THROTTLED_KUBECONFIG=$STATE/throttled.kubeconfig
AUTOSCALER_E2E_HPA_SYNC_PERIOD_SECONDS=$HPA_SYNC_PERIOD_SECONDS
AUTOSCALER_E2E_HPA_TOLERANCE=$HPA_TOLERANCE
AUTOSCALER_E2E_HPA_DOWNSCALE_STABILIZATION_SECONDS=$HPA_DOWNSCALE_STABILIZATION_SECONDS
AUTOSCALER_E2E_HPA_CPU_INITIALIZATION_PERIOD_SECONDS=$HPA_CPU_INITIALIZATION_PERIOD_SECONDS
AUTOSCALER_E2E_HPA_INITIAL_READINESS_DELAY_SECONDS=$HPA_INITIAL_READINESS_DELAY_SECONDS
ENV
}

status() {
  [ -f "$STATE/env" ] || return 1
  local p
  for p in etcd kube-apiserver kube-controller-manager kube-apiserver-throttled; do alive "$p" || return 1; done
  readyz >/dev/null 2>&1
}

up() {
  ensure_binaries
  if status; then
    log "control plane already up"
    print_env
    return 0
  fi
  down >/dev/null 2>&1 || true
  local start=$SECONDS
  rm -rf "$STATE" && mkdir -p "$PKI" "$PIDS" "$LOGS" "$STATE/etcd"
  generate_pki
  write_kubeconfig "$STATE/admin.kubeconfig" "$API_PORT" admin
  write_kubeconfig "$STATE/controller-manager.kubeconfig" "$API_PORT" controller-manager
  write_kubeconfig "$STATE/user.kubeconfig" "$API_PORT" user
  write_kubeconfig "$STATE/throttled.kubeconfig" "$THROTTLED_PORT" user

  ip netns add "$NETNS"
  in_ns ip link set lo up
  in_ns ip addr add "$SERVICE_ADDRESS/32" dev lo

  start_daemon etcd etcd --name autoscaler-e2e --data-dir "$STATE/etcd" \
    --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
    --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
    --initial-cluster autoscaler-e2e=http://127.0.0.1:2380
  wait_for etcd 30 etcd_up

  # shellcheck disable=SC2046
  start_daemon kube-apiserver "$BIN_DIR/kube-apiserver" $(apiserver_flags "$API_PORT")
  wait_for kube-apiserver 90 readyz "$API_PORT"

  start_daemon kube-controller-manager "$BIN_DIR/kube-controller-manager" \
    --kubeconfig="$STATE/controller-manager.kubeconfig" --leader-elect=false \
    --controllers=deployment,replicaset,horizontalpodautoscaling,garbagecollector,namespace,serviceaccount,serviceaccount-token \
    --root-ca-file="$PKI/ca.crt" --service-account-private-key-file="$PKI/sa.key" \
    --use-service-account-credentials=true --cert-dir="$STATE/controller-manager-certs" \
    --horizontal-pod-autoscaler-sync-period="${HPA_SYNC_PERIOD_SECONDS}s" \
    --horizontal-pod-autoscaler-tolerance="$HPA_TOLERANCE" \
    --horizontal-pod-autoscaler-downscale-stabilization="${HPA_DOWNSCALE_STABILIZATION_SECONDS}s" \
    --horizontal-pod-autoscaler-cpu-initialization-period="${HPA_CPU_INITIALIZATION_PERIOD_SECONDS}s" \
    --horizontal-pod-autoscaler-initial-readiness-delay="${HPA_INITIAL_READINESS_DELAY_SECONDS}s" \
    --bind-address=127.0.0.1 --secure-port=10257 --port=0

  # A second apiserver on the same etcd that admits one read at a time, so tests meet real 429s with
  # Retry-After (system:masters is exempt from the limit; tests use the plain "user" identity).
  # shellcheck disable=SC2046
  start_daemon kube-apiserver-throttled "$BIN_DIR/kube-apiserver" $(apiserver_flags "$THROTTLED_PORT") \
    --max-requests-inflight=1 --max-mutating-requests-inflight=1 --enable-priority-and-fairness=false \
    --endpoint-reconciler-type=none
  wait_for kube-apiserver-throttled 90 readyz "$THROTTLED_PORT"
  alive kube-controller-manager || { tail -n 30 "$LOGS/kube-controller-manager.log" >&2; return 1; }

  print_env >"$STATE/env"
  log "control plane up in $((SECONDS - start)) s (namespace $NETNS, state $STATE)"
  print_env
}

down() {
  local f pid
  if [ -d "$PIDS" ]; then
    for f in "$PIDS"/*.pid; do
      [ -e "$f" ] || continue
      pid=$(cat "$f")
      kill -TERM "$pid" 2>/dev/null || true
    done
    for f in "$PIDS"/*.pid; do
      [ -e "$f" ] || continue
      pid=$(cat "$f")
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
      rm -f "$f"
    done
  fi
  if ip netns list | grep -qw "^$NETNS"; then
    # Anything else still running in our namespace was started by a test (an adapter, a stub): stop it by pid.
    for pid in $(ip netns pids "$NETNS" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns del "$NETNS"
  fi
  rm -rf "$STATE/etcd" "$STATE/env"
  log "control plane down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  env) [ -f "$STATE/env" ] && cat "$STATE/env" || { log "not up"; exit 1; } ;;
  status) if status; then echo "up"; else echo "down"; exit 1; fi ;;
  *) echo "usage: $0 up|down|env|status" >&2; exit 2 ;;
esac
