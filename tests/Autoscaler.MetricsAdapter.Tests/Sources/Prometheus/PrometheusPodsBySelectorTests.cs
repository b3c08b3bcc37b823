using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Objects;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources;
using Autoscaler.MetricsAdapter.Sources.Prometheus;
using Autoscaler.Prometheus.Query;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;
using static Autoscaler.MetricsAdapter.Tests.Sources.Prometheus.ScriptedPrometheusClient;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

/// <summary>
/// Issue #14, missing feature: <c>type: Pods</c> metrics by label selector
/// (<c>/namespaces/shop/pods/*/http_requests_per_second?labelSelector=app%3Dweb</c>): the pods come from the object
/// lister's cache, their names become the rule's resource matcher, one item per pod with a value.
/// </summary>
public sealed class PrometheusPodsBySelectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly GroupResource Pods = new(string.Empty, "pods");
    private static readonly CustomMetricInfo Info = new(Pods, true, "http_requests_per_second");
    private readonly ScriptedPrometheusClient _client = new();
    private readonly InMemoryObjectLister _objects = new();
    private readonly PrometheusSource _source;

    public PrometheusPodsBySelectorTests()
    {
        _client.Series.Add(Labels("__name__", "http_requests_total", "kubernetes_namespace", "shop", "kubernetes_pod_name", "web-1"));
        _objects.Set(Pods, "shop", "web-1", new Dictionary<string, string> { ["app"] = "web" });
        _objects.Set(Pods, "shop", "web-2", new Dictionary<string, string> { ["app"] = "web", ["track"] = "canary" });
        _objects.Set(Pods, "shop", "db-1", new Dictionary<string, string> { ["app"] = "db" });
        _source = new PrometheusSource(
            RulesLoader.Load(RuleExamples.Typical, "adapter.yaml"),
            _client,
            new PrometheusSourceOptions { Url = "http://prometheus:9090" },
            new StalenessOptions(),
            new FakeTimeProvider(Now),
            objects: _objects);
        _source.RefreshAsync(default).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Issue_input_app_web_selects_the_pods_and_queries_them_by_name()
    {
        _client.Answer = _ =>
        [
            new PromSample(Labels("kubernetes_pod_name", "web-1"), 4, Now),
            new PromSample(Labels("kubernetes_pod_name", "web-2"), 6.5, Now),
        ];

        var result = await BySelector("app=web");

        Assert.Equal(
            "sum(rate(http_requests_total{kubernetes_namespace=\"shop\",kubernetes_pod_name=~\"web-1|web-2\"}[2m])) by (kubernetes_pod_name)",
            Assert.Single(_client.Queries));
        Assert.Equal(
            [("web-1", Quantity.FromDouble(4)), ("web-2", Quantity.FromDouble(6.5))],
            result.Value.Select(v => (v.DescribedObject.Name, v.Value)).OrderBy(v => v.Name));
        Assert.All(result.Value, v => Assert.Equal(new ObjectReference("Pod", "shop", v.DescribedObject.Name, "v1"), v.DescribedObject));
    }

    [Fact]
    public async Task A_single_pod_is_an_equality_matcher_and_series_of_other_pods_are_never_served()
    {
        _client.Answer = _ => [new PromSample(Labels("kubernetes_pod_name", "web-2"), 1, Now), new PromSample(Labels("kubernetes_pod_name", "db-1"), 99, Now)];

        var result = await BySelector("track=canary");

        Assert.Contains("kubernetes_pod_name=\"web-2\"", Assert.Single(_client.Queries), StringComparison.Ordinal);
        Assert.Equal("web-2", Assert.Single(result.Value).DescribedObject.Name);
    }

    [Fact]
    public async Task Pod_names_are_regex_escaped_in_the_resource_matcher()
    {
        // Pod names are DNS subdomains: '.' is legal and must match only itself, not any character.
        _objects.Set(Pods, "shop", "web.1", new Dictionary<string, string> { ["app"] = "dotted" });
        _objects.Set(Pods, "shop", "web.2", new Dictionary<string, string> { ["app"] = "dotted" });
        _client.Answer = _ => [new PromSample(Labels("kubernetes_pod_name", "web.1"), 3, Now), new PromSample(Labels("kubernetes_pod_name", "webx1"), 9, Now)];

        var result = await BySelector("app=dotted");

        Assert.Contains("kubernetes_pod_name=~\"web\\\\.1|web\\\\.2\"", Assert.Single(_client.Queries), StringComparison.Ordinal);
        Assert.Equal("web.1", Assert.Single(result.Value).DescribedObject.Name);
    }

    [Fact]
    public async Task Set_based_object_selectors_pick_the_pods_by_the_kubernetes_meaning()
    {
        _client.Answer = _ => [new PromSample(Labels("kubernetes_pod_name", "web-1"), 2, Now), new PromSample(Labels("kubernetes_pod_name", "db-1"), 5, Now)];

        var result = await BySelector("app in (web,db),track notin (canary)");

        Assert.Contains("kubernetes_pod_name=~\"db-1|web-1\"", Assert.Single(_client.Queries), StringComparison.Ordinal);
        Assert.Equal(["db-1", "web-1"], result.Value.Select(v => v.DescribedObject.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_matching_pods_is_no_value_and_no_query()
    {
        var result = await BySelector("app=none");

        Assert.Equal(MetricErrorKind.NoValue, result.Error!.Kind);
        Assert.Empty(_client.Queries);
    }

    [Fact]
    public async Task Pods_without_a_value_are_left_out_and_none_at_all_is_no_value_never_zero()
    {
        _client.Answer = _ => [];

        var result = await BySelector("app=web");

        Assert.Equal(MetricErrorKind.NoValue, result.Error!.Kind);
    }

    [Fact]
    public async Task Series_of_other_pods_only_are_no_value_not_an_empty_success()
    {
        _client.Answer = _ => [new PromSample(Labels("kubernetes_pod_name", "db-1"), 99, Now)];

        var result = await BySelector("app=web");

        Assert.Equal(MetricErrorKind.NoValue, result.Error!.Kind);
    }

    [Fact]
    public async Task Without_an_object_lister_the_answer_stays_a_clear_bad_request()
    {
        var source = new PrometheusSource(
            RulesLoader.Load(RuleExamples.Typical, "adapter.yaml"), _client, new PrometheusSourceOptions { Url = "http://prometheus:9090" }, new StalenessOptions(), new FakeTimeProvider(Now));
        await source.RefreshAsync(default);

        var result = await source.GetMetricBySelectorAsync(new CustomSelectorQuery(Info, "shop", LabelSelector.Parse("app=web"), LabelSelector.Everything), default);

        Assert.Equal(MetricErrorKind.BadRequest, result.Error!.Kind);
        Assert.Contains("without a Kubernetes object lister", result.Error.Message, StringComparison.Ordinal);
    }

    private async Task<MetricResult<IReadOnlyList<CustomMetricValue>>> BySelector(string selector) =>
        await _source.GetMetricBySelectorAsync(new CustomSelectorQuery(Info, "shop", LabelSelector.Parse(selector), LabelSelector.Everything), default);
}
