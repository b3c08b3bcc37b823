using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.Support;

/// <summary>A reconciler over an in-memory cluster on a fake clock.</summary>
internal sealed class ReconcilerHarness
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public ReconcilerHarness(ControllerOptions? options = null, InMemoryCluster? cluster = null, FakeTimeProvider? time = null)
    {
        Options = options ?? new ControllerOptions();
        Cluster = cluster ?? new InMemoryCluster();
        Time = time ?? new FakeTimeProvider(T0);
        Metrics = new ControllerMetrics();
        Reconciler = new ControllerReconciler(Cluster, Cluster, Options, Time, Metrics, NullLogger<ControllerReconciler>.Instance);
    }

    public ControllerOptions Options { get; }

    public InMemoryCluster Cluster { get; }

    public FakeTimeProvider Time { get; }

    public ControllerMetrics Metrics { get; }

    public ControllerReconciler Reconciler { get; }

    public Task<bool> PassAsync() => Reconciler.ReconcileAsync(CancellationToken.None);

    public async Task PassAtAsync(DateTimeOffset at)
    {
        Time.SetUtcNow(at);
        await PassAsync();
    }

    /// <summary>A new reconciler (a restarted controller or a new leader) over the same cluster and clock.</summary>
    public ReconcilerHarness Restarted() => new(Options, Cluster, Time);
}
