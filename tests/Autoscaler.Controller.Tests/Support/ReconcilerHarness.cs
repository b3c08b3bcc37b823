using System.Net;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Tests.History;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.Support;

/// <summary>A reconciler over an in-memory cluster on a fake clock; optionally reading policy history from a scripted Prometheus.</summary>
internal sealed class ReconcilerHarness
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The address the scripted Prometheus of <see cref="OnPrometheus"/> stands at.</summary>
    public static readonly Uri PrometheusUrl = new("http://prom:9090/");

    public ReconcilerHarness(ControllerOptions? options = null, InMemoryCluster? cluster = null, FakeTimeProvider? time = null, PrometheusHistoryTests.Scripted? prometheus = null)
    {
        Options = options ?? new ControllerOptions();
        Cluster = cluster ?? new InMemoryCluster();
        Time = time ?? new FakeTimeProvider(T0);
        Metrics = new ControllerMetrics();
        Prometheus = prometheus;
        Reconciler = new ControllerReconciler(Cluster, Cluster, Options, Time, Metrics, NullLogger<ControllerReconciler>.Instance,
            prometheus is null ? null : new HistorySources(new HttpClient(prometheus), PrometheusUrl));
    }

    public ControllerOptions Options { get; }

    public InMemoryCluster Cluster { get; }

    public FakeTimeProvider Time { get; }

    public ControllerMetrics Metrics { get; }

    public ControllerReconciler Reconciler { get; }

    /// <summary>The scripted Prometheus the reconciler reads history from (its requests recorded), or null without one.</summary>
    public PrometheusHistoryTests.Scripted? Prometheus { get; }

    /// <summary>A harness at <paramref name="now"/> whose policies' Prometheus history is answered by <paramref name="answer"/> (status and body per request).</summary>
    public static ReconcilerHarness OnPrometheus(Func<HttpRequestMessage, (HttpStatusCode, string)> answer, DateTimeOffset now, ControllerOptions? options = null) =>
        new(options, time: new FakeTimeProvider(now), prometheus: new PrometheusHistoryTests.Scripted(answer));

    public Task<bool> PassAsync() => Reconciler.ReconcileAsync(CancellationToken.None);

    public async Task PassAtAsync(DateTimeOffset at)
    {
        Time.SetUtcNow(at);
        await PassAsync();
    }

    /// <summary>A new reconciler (a restarted controller or a new leader) over the same cluster and clock.</summary>
    public ReconcilerHarness Restarted() => new(Options, Cluster, Time, Prometheus);
}
