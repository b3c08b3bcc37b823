using System.Diagnostics;
using Autoscaler.E2E.Tests.Fixtures;
using System.Text.Json;
using Autoscaler.Kubernetes.LeaderElection;
using k8s;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>
/// KubernetesClient's LeaderElector on a real Lease, through our <see cref="LeaderElectionRunner"/> (work token
/// cancelled on loss, release on shutdown).
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class LeaderElectionTests(ControlPlaneFixture cp)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMilliseconds(500);

    private sealed class LeadershipLog
    {
        private int _leaders;

        public int MaxConcurrentLeaders { get; private set; }

        public Func<CancellationToken, Task> Work() => async token =>
        {
            var now = Interlocked.Increment(ref _leaders);
            lock (this)
            {
                MaxConcurrentLeaders = Math.Max(MaxConcurrentLeaders, now);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Interlocked.Decrement(ref _leaders);
            }
        };
    }

    private LeaderElectionRunner Candidate(string ns, string identity, bool release) =>
        new(cp.CreateClient(), new LeaderElectionOptions
        {
            LeaseNamespace = ns, LeaseName = "controller", Identity = identity, LeaseDuration = LeaseDuration,
            RenewDeadline = TimeSpan.FromSeconds(3), RetryPeriod = RetryPeriod, ReleaseOnCancel = release,
        });

    private Task<V1Lease> LeaseAsync(string ns) => cp.Admin.CoordinationV1.ReadNamespacedLeaseAsync("controller", ns);

    private static Task WaitUntil(string what, Func<bool> condition, TimeSpan timeout) =>
        Eventually.Async(what, () => Task.FromResult(condition() ? "" : null), timeout);

    [Fact]
    public async Task Killed_leader_is_replaced_within_the_lease_duration_and_there_are_never_two_leaders()
    {
        var ns = await cp.CreateNamespaceAsync("lease");
        var log = new LeadershipLog();
        var a = Candidate(ns, "candidate-a", release: false);
        var b = Candidate(ns, "candidate-b", release: true);
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var runA = a.RunAsync(log.Work(), stopA.Token);
        await WaitUntil("a to lead", () => a.IsLeader, TimeSpan.FromSeconds(20));
        var runB = b.RunAsync(log.Work(), stopB.Token);

        // b must not take over while a renews. The condition that proves it: b has seen a as the holder, and
        // a has renewed the lease a full lease duration after that (b had every chance to take over).
        await WaitUntil("b to see a as the holder", () => b.ObservedLeader == "candidate-a", TimeSpan.FromSeconds(20));
        var competingSince = DateTimeOffset.UtcNow;
        await Eventually.Async("a to renew a full lease duration after b started competing", async seen =>
        {
            var current = await LeaseAsync(ns);
            seen($"holder {current.Spec?.HolderIdentity}, renewTime {current.Spec?.RenewTime:O}");
            return current.Spec?.RenewTime?.ToUniversalTime() >= (competingSince + LeaseDuration).UtcDateTime ? current : null;
        }, TimeSpan.FromSeconds(30));
        Assert.True(a.IsLeader);
        Assert.False(b.IsLeader);
        Assert.Equal("candidate-a", b.ObservedLeader);

        // "Kill" a: it stops renewing without releasing the lease, like a crashed process.
        await stopA.CancelAsync();
        var sinceKill = Stopwatch.StartNew();
        await runA;
        await WaitUntil("b to take over", () => b.IsLeader, TimeSpan.FromSeconds(30));
        var takeover = sinceKill.Elapsed;

        // b waits out the lease from when it first saw a's last renewal (which came at most one retry period
        // before the kill, and which b saw within one jittered retry period), then acts at its next attempt.
        Assert.InRange(takeover, LeaseDuration - RetryPeriod - TimeSpan.FromMilliseconds(300),
            LeaseDuration + (RetryPeriod * 2.2 * 2) + TimeSpan.FromMilliseconds(500));
        var lease = await LeaseAsync(ns);
        Assert.Equal("candidate-b", lease.Spec!.HolderIdentity);
        Assert.Equal(1, lease.Spec.LeaseTransitions);

        // b releases on shutdown: c takes over at once instead of waiting out the lease.
        var c = Candidate(ns, "candidate-c", release: true);
        using var stopC = new CancellationTokenSource();
        var runC = c.RunAsync(log.Work(), stopC.Token);
        await WaitUntil("c to see b as the holder", () => c.ObservedLeader == "candidate-b", TimeSpan.FromSeconds(20));
        Assert.False(c.IsLeader);
        await stopB.CancelAsync();
        await runB;
        var sinceRelease = Stopwatch.StartNew();
        await WaitUntil("c to take over", () => c.IsLeader, TimeSpan.FromSeconds(30));
        Assert.True(sinceRelease.Elapsed < LeaseDuration, $"took {sinceRelease.Elapsed} after the release");

        await stopC.CancelAsync();
        await runC;
        Assert.Equal(1, log.MaxConcurrentLeaders);
    }

    [Fact]
    public async Task Leader_that_sees_another_holder_stops_acting_as_leader()
    {
        var ns = await cp.CreateNamespaceAsync("lease");
        var log = new LeadershipLog();
        var a = Candidate(ns, "candidate-a", release: false);
        using var stop = new CancellationTokenSource();
        var leadershipEnded = new TaskCompletionSource();
        var run = a.RunAsync(async token =>
        {
            await log.Work()(token);
            leadershipEnded.TrySetResult();
        }, stop.Token);
        await WaitUntil("a to lead", () => a.IsLeader, TimeSpan.FromSeconds(20));

        // Another party takes the lease over behind a's back (for example after a network partition).
        var intrudedAt = Stopwatch.StartNew();
        var intruder = JsonSerializer.Serialize(new { spec = new { holderIdentity = "intruder", renewTime = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'") } });
        await cp.Admin.CoordinationV1.PatchNamespacedLeaseAsync(new V1Patch(intruder, V1Patch.PatchType.MergePatch), "controller", ns);

        await leadershipEnded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(a.IsLeader);
        Assert.Equal("intruder", a.ObservedLeader);

        // Regression (KubernetesClient 21.0.8's LeaderElector): after RunUntilLeadershipLostAsync returned, its
        // renew attempt kept running and took the lease back once the intruder's lease ran out (seen on this
        // control plane: holder candidate-a, transitions 1, about 2 s after leadership was lost, with no one
        // acting as leader). The runner cancels that attempt: the lease must stay the intruder's until well past
        // the point where the leftover attempt would have retaken it.
        var pastExpiry = LeaseDuration + (RetryPeriod * LeaderElectionOptions.JitterFactor * 2 * 2) + TimeSpan.FromSeconds(1);
        await Eventually.Async("the intruder's lease to expire with no one retaking it", async seen =>
        {
            var current = await LeaseAsync(ns);
            seen($"holder {current.Spec?.HolderIdentity} after {intrudedAt.Elapsed}");
            Assert.Equal("intruder", current.Spec?.HolderIdentity);
            return intrudedAt.Elapsed > pastExpiry ? current : null;
        }, TimeSpan.FromSeconds(30));
        Assert.False(a.IsLeader);
    }
}
