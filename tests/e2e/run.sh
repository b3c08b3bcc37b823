#!/usr/bin/env bash
# The end-to-end suite in one command (.ci/run calls it): installs the Debian packages, builds/caches
# kube-apiserver + kube-controller-manager, builds the test project (outside the namespace: restore
# needs the network), starts a private Docker engine inside a private network namespace
# (tests/e2e/docker-engine.sh), runs the e2e categories inside that namespace (the test fixture starts and
# removes the control plane through Testcontainers), prints the fixture's start-up phases and one line per
# test, and always stops the engine and deletes its data (trap, also on failure). Exits with dotnet test's code.
# Extra Debian packages for new tests: E2E_EXTRA_PACKAGES="prometheus wrk" tests/e2e/run.sh
# (or append them to E2E_PACKAGES in tests/e2e/lib-build.sh). A subset: E2E_FILTER="Category=Adapter".
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DEBIAN_FRONTEND=noninteractive
# The calendar browser tests drive Debian's chromium (in E2E_PACKAGE_LIST); Playwright must never download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
engine=tests/e2e/docker-engine.sh
project=tests/Autoscaler.E2E.Tests/Autoscaler.E2E.Tests.csproj
filter="${E2E_FILTER:-Category=Kubernetes|Category=Adapter|Category=Controller|Category=Calendar|Category=Parity}"

step() { echo "[e2e] $(date -u +%H:%M:%S) $*"; }

step "packages and control-plane binaries"
tests/e2e/lib-build.sh </dev/null || { echo "[e2e] could not install packages or build the binaries"; exit 1; }

step "building $project"
dotnet build "$project" -nologo -v minimal </dev/null || { echo "[e2e] build failed"; exit 1; }
# The controller and adapter image tests publish self-contained for linux-x64 inside the namespace, which has no
# route to the NuGet feed: fetch the runtime packs (and any RID-specific package) here, outside it.
for app in src/Autoscaler.Controller/Autoscaler.Controller.csproj src/Autoscaler.MetricsAdapter/Autoscaler.MetricsAdapter.csproj; do
  dotnet restore "$app" -r linux-x64 -p:SelfContained=true -nologo -v minimal </dev/null \
    || { echo "[e2e] could not restore the linux-x64 runtime packs of $app for the image tests"; exit 1; }
done

trap '"$engine" down </dev/null || true' EXIT
step "starting the Docker engine ($engine)"
start=$SECONDS
"$engine" up </dev/null >/dev/null || { echo "[e2e] $engine up failed"; exit 1; }
step "$engine up in $((SECONDS - start)) s"
set -a
# shellcheck disable=SC1090
source <("$engine" env)
set +a

step "running tests inside network namespace $AUTOSCALER_E2E_NETNS (filter: $filter)"
timeout --kill-after=30 3600 ip netns exec "$AUTOSCALER_E2E_NETNS" \
  dotnet test "$project" --no-build --no-restore --disable-build-servers --filter "$filter" \
  --results-directory "$AUTOSCALER_E2E_STATE/results" --logger "trx;LogFileName=e2e.trx" </dev/null
rc=$?
step "the fixture's start-up phases (Testcontainers):"
cat "$AUTOSCALER_E2E_STATE/logs/fixture.log" 2>/dev/null || echo "  (no $AUTOSCALER_E2E_STATE/logs/fixture.log: the control plane did not start)"
step "dotnet test exited with $rc; per test:"
# One line per test (outcome, duration, name) from the TRX report; the summary line above is what .ci/run sums.
grep -o '<UnitTestResult [^>]*' "$AUTOSCALER_E2E_STATE/results/e2e.trx" 2>/dev/null \
  | sed -E 's/.*testName="([^"]*)".*duration="([^"]*)".*outcome="([^"]*)".*/  \3 \2 \1/' | sort -k3 || true
exit "$rc"
