using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>The Prometheus source against Debian's real Prometheus scraping a demo app: discovery, values that
/// follow the gauge, "no value" for empty results, and a Prometheus outage that never turns into a zero.</summary>
[Trait("Category", "Adapter")]
public sealed class RealPrometheusSourceTests : IAsyncLifetime
{
    private const string Rules = """
        # a prometheus-adapter configuration, as a team would bring it
        externalRules:
        - seriesQuery: '{__name__="queue_length",namespace!=""}'
          resources:
            overrides:
              namespace: {resource: "namespace"}
          metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
        """;

    private PrometheusSourceStack? _stack;

    public async Task InitializeAsync() => _stack = await PrometheusSourceStack.StartAsync(Rules, new Dictionary<string, string?>
    {
        ["Prometheus:DiscoveryInterval"] = "00:00:01",
        ["Prometheus:AttemptTimeout"] = "00:00:02",
        ["Prometheus:TotalTimeout"] = "00:00:05",
        ["Prometheus:BreakDuration"] = "00:00:02",
        ["Staleness:MaxAge"] = "00:00:05",
    });

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    [Fact]
    public async Task Values_follow_the_gauge_and_an_outage_gives_errors_never_zero_then_recovers()
    {
        var provider = _stack!.Host.Services.GetServices<IExternalMetricsProvider>().Single();
        var health = _stack!.Host.Services.GetServices<IMetricSourceHealth>().Single();
        var query = new ExternalMetricQuery("shop", "queue_length", LabelSelector.Parse("queue=orders"));

        _stack!.Demo.QueueLength = 7;
        await Fixtures.Eventually.TrueAsync(async () => (await provider.GetExternalMetricAsync(query, default)) is { IsSuccess: true } r && r.Value.Single().Value == Quantity.FromDouble(7));
        _stack!.Demo.QueueLength = 42;
        await Fixtures.Eventually.TrueAsync(async () => (await provider.GetExternalMetricAsync(query, default)) is { IsSuccess: true } r && r.Value.Single().Value == Quantity.FromDouble(42));
        Assert.True(health.GetHealth().Healthy);

        var otherNamespace = await provider.GetExternalMetricAsync(query with { Namespace = "billing" }, default);
        var noSuchQueue = await provider.GetExternalMetricAsync(query with { Selector = LabelSelector.Parse("queue=refunds") }, default);
        Assert.Equal(MetricErrorKind.NoValue, otherNamespace.Error!.Kind);
        Assert.Equal(MetricErrorKind.NoValue, noSuchQueue.Error!.Kind);

        _stack!.Prometheus.Stop();
        MetricError? outage = null;
        await Fixtures.Eventually.TrueAsync(async () =>
        {
            var r = await provider.GetExternalMetricAsync(query, default);
            // While Prometheus is down, a value may only be the last known good one (42), never an invented 0.
            Assert.True(!r.IsSuccess || r.Value.Single().Value == Quantity.FromDouble(42), "served something other than the last known value");
            outage = r.Error;
            return r.Error is { Kind: MetricErrorKind.SourceUnavailable or MetricErrorKind.Timeout };
        });
        Assert.Contains("Prometheus", outage!.Message, StringComparison.Ordinal);
        Assert.False(health.GetHealth().Healthy);

        await _stack!.Prometheus.StartAsync();
        await Fixtures.Eventually.TrueAsync(async () => (await provider.GetExternalMetricAsync(query, default)) is { IsSuccess: true } r && r.Value.Single().Value == Quantity.FromDouble(42));
        await Fixtures.Eventually.TrueAsync(() => Task.FromResult(health.GetHealth().Healthy));
    }
}
