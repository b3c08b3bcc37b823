#!/usr/bin/env bash
# Installs the Debian packages the e2e suite needs and builds kube-apiserver + kube-controller-manager
# once from Debian's Kubernetes source package, caching them outside the checkout keyed by the source
# version. Run by tests/e2e/run.sh (`tests/e2e/lib-build.sh`); sourced by docker-engine.sh for its helpers.
set -euo pipefail

# One place to extend: every Debian package the e2e suite needs, one per line.
E2E_PACKAGE_LIST="
  golang-go rsync dpkg-dev golang-github-modern-go-reflect2-dev
  etcd-server openssl iproute2 curl
  prometheus python3-grpcio python3-grpc-tools python3-protobuf
  chromium
"
E2E_PACKAGES="${E2E_PACKAGES:-$(echo $E2E_PACKAGE_LIST)}${E2E_EXTRA_PACKAGES:+ $E2E_EXTRA_PACKAGES}"
K8S_SOURCE_PACKAGE=kubernetes
K8S_VERSION=1.20.2
# The cache key names the source version and our patch: Kubernetes 1.20 vendors reflect2 1.0.1, whose
# map iteration corrupts memory under Go >= 1.18 (the apiserver dies with SIGSEGV in mapiterinit when
# it serves custom resources). Debian's reflect2 1.0.2 source replaces the vendored copy.
K8S_BUILD_ID="$K8S_VERSION-reflect2-1.0.2"
REFLECT2_SRC=/usr/share/gocode/src/github.com/modern-go/reflect2
CACHE_ROOT="${AUTOSCALER_E2E_CACHE:-/var/cache/autoscaler-e2e}"
BIN_DIR="$CACHE_ROOT/k8s-$K8S_BUILD_ID/bin"
DEB_SRC_FILE=/etc/apt/sources.list.d/autoscaler-e2e-src.sources

export DEBIAN_FRONTEND=noninteractive

log() { echo "[e2e-build] $*" >&2; }

# Other users of this machine may hold the apt locks: wait for them instead of failing.
apt_get() {
  local try
  for try in $(seq 1 120); do
    if apt-get -o DPkg::Lock::Timeout=60 "$@" </dev/null; then return 0; fi
    if ! fuser /var/lib/apt/lists/lock /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1 \
       && ! pgrep -x apt-get >/dev/null && ! pgrep -x dpkg >/dev/null; then
      return 1
    fi
    log "apt is busy (another apt-get/dpkg), retry $try"
    sleep 5
  done
  return 1
}

missing_packages() {
  local p missing=()
  for p in $E2E_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then apt_get update -qq; apt_updated=1; fi
}

install_packages() {
  local missing
  missing=$(missing_packages)
  if [ -n "$missing" ]; then
    log "installing: $missing"
    apt_update_once
    # shellcheck disable=SC2086
    apt_get install -y -qq --no-install-recommends $missing
  fi
}

# Derives a deb-src stanza from the system's own Debian entry (same URIs and Signed-By), so no registry
# host name is ever written into the repository.
ensure_deb_src() {
  [ -f "$DEB_SRC_FILE" ] && return 0
  local src=/etc/apt/sources.list.d/debian.sources uris signed
  uris=$(awk '/^URIs:/{print $2; exit}' "$src")
  signed=$(awk '/^Signed-By:/{print $2; exit}' "$src")
  [ -n "$uris" ] || { log "no URIs: line in $src"; return 1; }
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: %s\n' \
    "$uris" "$signed" > "$DEB_SRC_FILE"
  apt_updated=0
  apt_update_once
}

build_binaries() {
  if [ -x "$BIN_DIR/kube-apiserver" ] && [ -x "$BIN_DIR/kube-controller-manager" ]; then
    log "cached binaries in $BIN_DIR"
    return 0
  fi
  ensure_deb_src
  local work="$CACHE_ROOT/src"
  mkdir -p "$work"
  local tree="$work/kubernetes-$K8S_VERSION"
  if [ ! -d "$tree" ]; then
    (cd "$work" && apt_get source --download-only -qq "$K8S_SOURCE_PACKAGE")
    local orig
    orig=$(ls "$work"/${K8S_SOURCE_PACKAGE}_*"$K8S_VERSION".orig.tar.gz | head -n1)
    log "unpacking $orig"
    tar -C "$work" -xzf "$orig"
  fi
  log "replacing vendored reflect2 1.0.1 with $REFLECT2_SRC (1.0.2)"
  rm -rf "$tree/vendor/github.com/modern-go/reflect2"
  mkdir -p "$tree/vendor/github.com/modern-go/reflect2"
  cp "$REFLECT2_SRC"/*.go "$REFLECT2_SRC"/*.s "$tree/vendor/github.com/modern-go/reflect2/"
  rm -f "$tree"/vendor/github.com/modern-go/reflect2/*_test.go
  # A failed earlier try leaves empty generated files under _output/ that break every later try.
  rm -rf "$tree/_output"
  log "building kube-apiserver and kube-controller-manager (cold: ~10 min on 2 cores)"
  local start=$SECONDS
  (cd "$tree" && GOFLAGS=-mod=vendor GO111MODULE=on GOTOOLCHAIN=local \
    make WHAT="cmd/kube-apiserver cmd/kube-controller-manager" </dev/null)
  mkdir -p "$BIN_DIR.tmp"
  cp "$tree/_output/local/bin/linux/amd64/kube-apiserver" \
     "$tree/_output/local/bin/linux/amd64/kube-controller-manager" "$BIN_DIR.tmp/"
  rm -rf "$BIN_DIR" && mv "$BIN_DIR.tmp" "$BIN_DIR"
  rm -rf "$tree/_output"
  log "built in $((SECONDS - start)) s -> $BIN_DIR"
}

ensure_binaries() {
  install_packages
  build_binaries
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_binaries
fi
