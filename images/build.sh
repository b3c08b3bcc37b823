#!/usr/bin/env bash
# Builds the autoscaler-controller, metrics-adapter or calendar image FROM scratch on this machine, without any registry:
# a self-contained linux-x64 `dotnet publish` (the runtime pack comes from the NuGet feed), the shared libraries
# `ldd` names for it, Debian's CA bundle and a non-root numeric user. See docs/container-image.md.
# Usage: images/build.sh controller|adapter|calendar [tag]
#   tag      default autoscaler/controller:latest, autoscaler/metrics-adapter:latest or autoscaler/calendar:latest
#            (the names manifests/ use)
#   env      DOCKER_HOST as for any docker client (e.g. `source <(tests/e2e/docker-engine.sh env)`);
#            IMAGE_BUILD_DIR (default: a temporary directory, deleted afterwards) holds publish/ and the context;
#            IMAGE_PUBLISH_ONLY=1 assembles the context and stops before `docker build` (to inspect rootfs/).
# Needs: the .NET SDK, ldd, ldconfig, Debian's ca-certificates, and a docker CLI + engine for the last step.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=images/lib-rootfs.sh
source "$here/lib-rootfs.sh"

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit "$1"; }

case "${1:-}" in
  controller) project=src/Autoscaler.Controller/Autoscaler.Controller.csproj apphost=autoscaler-controller
              tag="${2:-autoscaler/controller:latest}" ;;
  adapter)    project=src/Autoscaler.MetricsAdapter/Autoscaler.MetricsAdapter.csproj apphost=Autoscaler.MetricsAdapter
              tag="${2:-autoscaler/metrics-adapter:latest}" ;;
  calendar)   project=src/Autoscaler.Calendar/Autoscaler.Calendar.csproj apphost=autoscaler-calendar
              tag="${2:-autoscaler/calendar:latest}" ;;
  -h|--help)  usage 0 ;;
  *)          echo "images/build.sh: unknown image '${1:-}'; expected controller, adapter or calendar" >&2; usage 2 ;;
esac

work="${IMAGE_BUILD_DIR:-}"
if [ "${IMAGE_PUBLISH_ONLY:-0}" = 1 ] && [ -z "$work" ]; then
  echo "images/build.sh: IMAGE_PUBLISH_ONLY=1 needs IMAGE_BUILD_DIR (the context would be deleted on exit)" >&2; exit 2
fi
if [ -z "$work" ]; then work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
publish="$work/publish" context="$work/context" rootfs="$work/context/rootfs"
rm -rf "$publish" "$context"
mkdir -p "$rootfs"

start=$SECONDS
# Invariant globalization: no libicu in the image (culture-sensitive formatting is not used; NodaTime carries its
# own time-zone database). No PDBs. The tracepoint provider needs liblttng-ust, which is not shipped: the runtime
# skips it when absent, so it is left out rather than dragging LTTng in.
dotnet publish "$repo/$project" -c Release -r linux-x64 --self-contained -nologo -v:q \
  -p:InvariantGlobalization=true -p:DebugType=none -p:DebugSymbols=false -o "$publish" >&2
rm -f "$publish/libcoreclrtraceptprovider.so"
[ -x "$publish/$apphost" ] || { echo "images/build.sh: $publish/$apphost missing after publish" >&2; exit 1; }
log_step "published in $((SECONDS - start)) s"

mkdir -p "$rootfs/app"
cp -a "$publish/." "$rootfs/app/"
ln -s "$apphost" "$rootfs/app/entrypoint"

# libssl/libcrypto are opened with dlopen by libSystem.Security.Cryptography.Native.OpenSsl.so, so ldd of the
# publish output does not name them; they are added by name (and their own dependencies follow through ldd).
mapfile -t natives < <(find "$publish" -maxdepth 1 -type f \( -name '*.so' -o -name "$apphost" \))
copy_shared_libraries "$rootfs" "$publish" "${natives[@]}" "$(library_path libssl.so.3)" "$(library_path libcrypto.so.3)"
copy_ca_bundle "$rootfs"
add_user "$rootfs" 1654 app
mkdir -m 1777 "$rootfs/tmp"
cp "$here/Dockerfile" "$context/Dockerfile"
log_step "rootfs $(du -sh "$rootfs" | cut -f1) in $context"

if [ "${IMAGE_PUBLISH_ONLY:-0}" = 1 ]; then exit 0; fi
docker build -q -t "$tag" "$context" >&2
log_step "built $tag: $(docker image inspect -f '{{.Size}}' "$tag") bytes in $((SECONDS - start)) s"
echo "$tag"
