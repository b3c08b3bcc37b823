using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Storage;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push;

public sealed class PushMetricsProviderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly SqliteSampleStore _store = new(":memory:");
    private readonly FakeTimeProvider _time = new(Start);
    private readonly PushMetricsProvider _provider;

    public PushMetricsProviderTests()
    {
        _provider = new PushMetricsProvider(_store, Options.Create(new StalenessOptions { MaxAge = TimeSpan.FromMinutes(2) }), _time);
        _store.Append(
        [
            new MetricSample("shop", "queue_length", new Dictionary<string, string> { ["queue"] = "orders" }, 30, Start.ToUnixTimeMilliseconds()),
            new MetricSample("shop", "queue_length", new Dictionary<string, string> { ["queue"] = "refunds" }, 4, Start.AddMinutes(-5).ToUnixTimeMilliseconds()),
        ]);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Serves_fresh_series_matching_the_selector_with_their_timestamps()
    {
        var result = await Get("queue in (orders,refunds)");

        var value = Assert.Single(result.Value);
        Assert.Equal(Quantity.FromDouble(30), value.Value);
        Assert.Equal(Start, value.Timestamp);
        Assert.Equal("orders", value.Labels["queue"]);
    }

    [Fact]
    public async Task Only_stale_series_is_a_stale_error_not_a_value()
    {
        var result = await Get("queue=refunds");

        Assert.Equal(MetricErrorKind.Stale, result.Error!.Kind);
        Assert.Contains("300 s old", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_go_stale_as_time_passes()
    {
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(MetricErrorKind.Stale, (await Get("queue=orders")).Error!.Kind);
    }

    [Fact]
    public async Task Unknown_metric_is_not_found_and_unmatched_selector_is_no_value()
    {
        var unknown = await _provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "nope", LabelSelector.Everything), default);
        var otherNamespace = await _provider.GetExternalMetricAsync(new ExternalMetricQuery("billing", "queue_length", LabelSelector.Everything), default);

        Assert.Equal(MetricErrorKind.NotFound, unknown.Error!.Kind);
        Assert.Equal(MetricErrorKind.NotFound, otherNamespace.Error!.Kind);
        Assert.Equal(MetricErrorKind.NoValue, (await Get("queue=payments")).Error!.Kind);
    }

    [Fact]
    public async Task Lists_pushed_metric_names()
    {
        Assert.Equal("queue_length", Assert.Single(await _provider.ListExternalMetricsAsync(default)).Metric);
    }

    private async Task<MetricResult<IReadOnlyList<ExternalMetricValue>>> Get(string selector) =>
        await _provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queue_length", LabelSelector.Parse(selector)), default);
}
