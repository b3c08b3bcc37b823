using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Objects;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Storage;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push;

/// <summary>Issue #14: a <c>type: Pods</c> metric from pushed samples labelled by pod.</summary>
public sealed class PushPodMetricsProviderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly GroupResource Pods = new(string.Empty, "pods");
    private static readonly CustomMetricInfo Info = new(Pods, true, "http_requests_per_second");
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SqliteSampleStore _store;
    private readonly InMemoryObjectLister _objects = new();
    private readonly PushPodMetricsProvider _provider;

    public PushPodMetricsProviderTests()
    {
        _store = new SqliteSampleStore(":memory:", _clock);
        _store.Append(
        [
            Sample("web-1", "GET", 4), Sample("web-1", "POST", 1), Sample("web-2", "GET", 6.5), Sample("db-1", "GET", 99),
        ]);
        _objects.Set(Pods, "shop", "web-1", new Dictionary<string, string> { ["app"] = "web" });
        _objects.Set(Pods, "shop", "web-2", new Dictionary<string, string> { ["app"] = "web" });
        _objects.Set(Pods, "shop", "db-1", new Dictionary<string, string> { ["app"] = "db" });
        _provider = new PushPodMetricsProvider(_store, Options.Create(new StalenessOptions()), _clock, _objects);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Issue_input_app_web_gives_one_item_per_pod_summing_its_series()
    {
        var result = await _provider.GetMetricBySelectorAsync(new CustomSelectorQuery(Info, "shop", LabelSelector.Parse("app=web"), LabelSelector.Everything), default);

        Assert.Equal([("web-1", 5.0), ("web-2", 6.5)], result.Value.Select(v => (v.DescribedObject.Name, v.Value.ToDouble())));
        Assert.All(result.Value, v => Assert.Equal("Pod", v.DescribedObject.Kind));
    }

    [Fact]
    public async Task By_name_with_a_metric_selector_and_listed_as_a_pods_metric()
    {
        var one = await _provider.GetMetricByNameAsync(new CustomObjectQuery(Info, "shop", "web-1", LabelSelector.Parse("verb=GET")), default);

        Assert.Equal(4, one.Value.Value.ToDouble());
        Assert.Contains(new CustomMetricInfo(Pods, true, "http_requests_per_second"), await _provider.ListCustomMetricsAsync(default));
    }

    [Fact]
    public async Task Stale_pods_are_not_served_and_unknown_metrics_pass_to_other_sources()
    {
        _clock.Advance(TimeSpan.FromMinutes(3));

        var stale = await _provider.GetMetricBySelectorAsync(new CustomSelectorQuery(Info, "shop", LabelSelector.Parse("app=web"), LabelSelector.Everything), default);
        var unknown = await _provider.GetMetricByNameAsync(new CustomObjectQuery(Info with { Metric = "nope" }, "shop", "web-1", LabelSelector.Everything), default);

        Assert.Equal(MetricErrorKind.Stale, stale.Error!.Kind);
        Assert.Equal(MetricErrorKind.NotFound, unknown.Error!.Kind);
    }

    private static MetricSample Sample(string pod, string verb, double value) =>
        new("shop", "http_requests_per_second", new Dictionary<string, string> { ["pod"] = pod, ["verb"] = verb }, value, Now.ToUnixTimeMilliseconds());
}
