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

    private readonly string _work = Path.Combine(Path.GetTempPath(), "adapter-prom-e2e-" + Guid.NewGuid().ToString("N"));
    private DemoQueueApp? _demo;
    private RealPrometheus? _prometheus;
    private SourcesTestHost? _host;

    public async Task InitializeAsync()
    {
        try
        {
            Directory.CreateDirectory(_work);
            _demo = await DemoQueueApp.StartAsync();
            _prometheus = new RealPrometheus(Path.Combine(_work, "prometheus"), [("demo", _demo!.Port, "shop")]);
            await _prometheus!.StartAsync();
            var rules = Path.Combine(_work, "adapter-rules.yaml");
            await File.WriteAllTextAsync(rules, Rules);
            _host = await SourcesTestHost.StartAsync(new Dictionary<string, string?>
            {
                ["Push:Enabled"] = "false",
                ["Prometheus:Url"] = _prometheus!.Url.ToString(),
                ["Prometheus:RulesFile"] = rules,
                ["Prometheus:DiscoveryInterval"] = "00:00:01",
                ["Prometheus:AttemptTimeout"] = "00:00:02",
                ["Prometheus:TotalTimeout"] = "00:00:05",
                ["Prometheus:BreakDuration"] = "00:00:02",
                ["Staleness:MaxAge"] = "00:00:05",
            });
        }
        catch
        {
            // xunit does not dispose a fixture whose setup failed: stop what was started.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host!.DisposeAsync();
        }

        _prometheus?.Dispose();
        if (_demo is not null)
        {
            await _demo!.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Values_follow_the_gauge_and_an_outage_gives_errors_never_zero_then_recovers()
    {
        var provider = _host!.Services.GetServices<IExternalMetricsProvider>().Single();
        var health = _host!.Services.GetServices<IMetricSourceHealth>().Single();
        var query = new ExternalMetricQuery("shop", "queue_length", LabelSelector.Parse("queue=orders"));

        _demo!.QueueLength = 7;
        await Fixtures.Eventually.TrueAsync(async () => (await provider.GetExternalMetricAsync(query, default)) is { IsSuccess: true } r && r.Value.Single().Value == Quantity.FromDouble(7));
        _demo!.QueueLength = 42;
        await Fixtures.Eventually.TrueAsync(async () => (await provider.GetExternalMetricAsync(query, default)) is { IsSuccess: true } r && r.Value.Single().Value == Quantity.FromDouble(42));
        Assert.True(health.GetHealth().Healthy);

        var otherNamespace = await provider.GetExternalMetricAsync(query with { Namespace = "billing" }, default);
        var noSuchQueue = await provider.GetExternalMetricAsync(query with { Selector = LabelSelector.Parse("queue=refunds") }, default);
        Assert.Equal(MetricErrorKind.NoValue, otherNamespace.Error!.Kind);
        Assert.Equal(MetricErrorKind.NoValue, noSuchQueue.Error!.Kind);

        _prometheus!.Stop();
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

        await _prometheus!.StartAsync();
        await Fixtures.Eventually.TrueAsync(async () => (await provider.GetExternalMetricAsync(query, default)) is { IsSuccess: true } r && r.Value.Single().Value == Quantity.FromDouble(42));
        await Fixtures.Eventually.TrueAsync(() => Task.FromResult(health.GetHealth().Healthy));
    }
}
