using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.LeaderElection;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Tests.Support;

namespace Autoscaler.Kubernetes.Tests.LeaderElection;

public sealed class LeaderElectorTests
{
    /// <summary>An in-memory lease with resourceVersion checks, which can be made to fail every call.</summary>
    private sealed class MemoryLeaseStore : ILeaseStore
    {
        private Lease? _lease;
        private int _version;

        public volatile bool Failing;

        public Task<Lease?> GetAsync(CancellationToken cancellationToken) =>
            Failing ? throw new HttpRequestException("partitioned") : Task.FromResult(Clone(_lease));

        public Task<Lease> CreateAsync(Lease lease, CancellationToken cancellationToken)
        {
            lock (this)
            {
                if (_lease is not null)
                {
                    throw new KubernetesApiException("POST", "/leases", System.Net.HttpStatusCode.Conflict, new ApiStatus { Reason = "AlreadyExists" }, null);
                }

                return Task.FromResult(Store(lease));
            }
        }

        public Task<Lease> ReplaceAsync(Lease lease, CancellationToken cancellationToken)
        {
            if (Failing)
            {
                throw new HttpRequestException("partitioned");
            }

            lock (this)
            {
                if (_lease?.Metadata.ResourceVersion != lease.Metadata.ResourceVersion)
                {
                    throw new KubernetesConflictException("PUT", "/leases/x", new ApiStatus { Reason = "Conflict" });
                }

                return Task.FromResult(Store(lease));
            }
        }

        private Lease Store(Lease lease)
        {
            _lease = Clone(lease)!;
            _lease.Metadata.ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Clone(_lease)!;
        }

        private static Lease? Clone(Lease? lease) => lease is null ? null : System.Text.Json.JsonSerializer.Deserialize(
            System.Text.Json.JsonSerializer.Serialize(lease, Autoscaler.Kubernetes.Serialization.KubernetesJsonContext.Default.Lease), Autoscaler.Kubernetes.Serialization.KubernetesJsonContext.Default.Lease);
    }

    private static LeaderElectionOptions Options(string id) => new()
    {
        LeaseNamespace = "ns", LeaseName = "x", Identity = id,
        LeaseDuration = TimeSpan.FromSeconds(1), RenewDeadline = TimeSpan.FromMilliseconds(600), RetryPeriod = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Moves the fake clock in small steps, yielding so the elector's continuations run, until the condition holds.</summary>
    private static async Task PumpUntil(ManualTimeProvider clock, Func<bool> condition, string what)
    {
        for (var step = 0; step < 2000; step++)
        {
            if (condition())
            {
                return;
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        throw new TimeoutException($"never reached: {what}");
    }

    [Fact]
    public async Task A_leader_that_cannot_renew_within_the_deadline_stops_leading_and_the_other_takes_over_after_the_lease()
    {
        var clock = new ManualTimeProvider();
        var store = new MemoryLeaseStore();
        var a = new LeaderElector(store, Options("a"), clock, new Random(1));
        DateTimeOffset? ended = null;
        using var stop = new CancellationTokenSource();
        var runA = a.RunAsync(async token =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                ended = clock.GetUtcNow();
            }
        }, stop.Token);
        await PumpUntil(clock, () => a.IsLeader, "a leads");

        var partitioned = clock.GetUtcNow();
        store.Failing = true;
        await PumpUntil(clock, () => ended is not null && runA.IsCompleted, "a stops leading");
        Assert.False(a.IsLeader);
        Assert.InRange(ended!.Value - partitioned, TimeSpan.FromMilliseconds(600 - 50), TimeSpan.FromMilliseconds(600 + 50 + 20));

        store.Failing = false;
        var b = new LeaderElector(store, Options("b"), clock, new Random(2));
        var runB = b.RunAsync(token => Task.Delay(Timeout.Infinite, token), stop.Token);
        await PumpUntil(clock, () => b.IsLeader, "b leads");
        var takeover = clock.GetUtcNow() - ended.Value;
        Assert.InRange(takeover, TimeSpan.FromMilliseconds(1000 - 20), TimeSpan.FromMilliseconds(1000 + (50 * 2.2) + 20));

        await stop.CancelAsync();
        await PumpUntil(clock, () => runB.IsCompleted, "b stops");
    }

    [Theory]
    [InlineData(10, 10, 2)]
    [InlineData(15, 10, 9)]
    public void Timings_must_keep_lease_above_deadline_above_jittered_retry(int lease, int deadline, int retry) =>
        Assert.Throws<ArgumentException>(() => new LeaderElectionOptions
        {
            LeaseNamespace = "n", LeaseName = "l", Identity = "i", LeaseDuration = TimeSpan.FromSeconds(lease),
            RenewDeadline = TimeSpan.FromSeconds(deadline), RetryPeriod = TimeSpan.FromSeconds(retry),
        }.Validate());
}
