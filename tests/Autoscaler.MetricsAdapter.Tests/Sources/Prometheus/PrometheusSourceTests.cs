using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources;
using Autoscaler.MetricsAdapter.Sources.Prometheus;
using Autoscaler.Prometheus.Query;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;
using static Autoscaler.MetricsAdapter.Tests.Sources.Prometheus.ScriptedPrometheusClient;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

public sealed class PrometheusSourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ScriptedPrometheusClient _client = new();
    private readonly PrometheusSource _source;

    public PrometheusSourceTests()
    {
        _client.Series.AddRange(
        [
            Labels("__name__", "queue_length", "namespace", "shop", "queue", "orders"),
            Labels("__name__", "kafka_consumergroup_lag", "group", "g1"),
            Labels("__name__", "container_memory_working_set_bytes", "namespace", "shop", "pod", "web-1", "container", "app"),
            Labels("__name__", "container_cpu_usage_seconds_total", "namespace", "shop", "pod", "web-1"),
            Labels("__name__", "http_requests_total", "kubernetes_namespace", "shop", "kubernetes_pod_name", "web-1"),
        ]);
        _source = new PrometheusSource(
            RulesLoader.Load(RuleExamples.Typical, "adapter.yaml"),
            _client,
            new PrometheusSourceOptions { Url = "http://prometheus:9090" },
            new StalenessOptions { MaxAge = TimeSpan.FromMinutes(2), ServeLastKnownGood = true },
            _time);
    }

    [Fact]
    public async Task Discovery_lists_external_and_custom_metrics_like_prometheus_adapter()
    {
        await _source.RefreshAsync(default);

        var external = await _source.ListExternalMetricsAsync(default);
        var custom = await _source.ListCustomMetricsAsync(default);

        Assert.Equal(["consumergroup_lag", "queue_length"], external.Select(e => e.Metric).Order());
        Assert.Contains(new CustomMetricInfo(new GroupResource("", "pods"), true, "memory_working_set_bytes_per_pod"), custom);
        Assert.Contains(new CustomMetricInfo(new GroupResource("", "namespaces"), false, "memory_working_set_bytes_per_pod"), custom);
        Assert.Contains(new CustomMetricInfo(new GroupResource("", "pods"), true, "http_requests_per_second"), custom);
        Assert.DoesNotContain(custom, c => c.Metric.Contains("cpu", StringComparison.Ordinal));
        Assert.True(_source.GetHealth().Healthy);
    }

    [Fact]
    public async Task External_query_renders_the_rule_with_namespace_and_selector_matchers()
    {
        await _source.RefreshAsync(default);
        _client.Answer = _ => [new PromSample(Labels(), 17, Start)];

        var result = await _source.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queue_length", LabelSelector.Parse("queue=orders")), default);

        Assert.Equal("sum(queue_length{namespace=\"shop\",queue=\"orders\"}) by ()", Assert.Single(_client.Queries));
        var value = Assert.Single(result.Value);
        Assert.Equal(Quantity.FromDouble(17), value.Value);
        Assert.Equal(Start, value.Timestamp);
    }

    [Fact]
    public async Task Cluster_wide_external_rules_add_no_namespace_matcher()
    {
        await _source.RefreshAsync(default);
        _client.Answer = _ => [new PromSample(Labels(), 3, Start)];

        await _source.GetExternalMetricAsync(new ExternalMetricQuery("shop", "consumergroup_lag", LabelSelector.Everything), default);

        Assert.Equal("max(kafka_consumergroup_lag{})", Assert.Single(_client.Queries));
    }

    [Fact]
    public async Task Empty_result_is_no_value_never_zero()
    {
        await _source.RefreshAsync(default);

        var result = await _source.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queue_length", LabelSelector.Everything), default);

        Assert.Equal(MetricErrorKind.NoValue, result.Error!.Kind);
    }

    [Fact]
    public async Task NaN_is_no_value()
    {
        await _source.RefreshAsync(default);
        _client.Answer = _ => [new PromSample(Labels(), double.NaN, Start)];

        var result = await _source.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queue_length", LabelSelector.Everything), default);

        Assert.Equal(MetricErrorKind.NoValue, result.Error!.Kind);
    }

    [Fact]
    public async Task Unknown_metric_is_not_found()
    {
        await _source.RefreshAsync(default);
        var result = await _source.GetExternalMetricAsync(new ExternalMetricQuery("shop", "nope", LabelSelector.Everything), default);
        Assert.Equal(MetricErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task Dead_prometheus_without_a_recent_value_is_unavailable_and_unhealthy()
    {
        await _source.RefreshAsync(default);
        _client.Failure = new PrometheusException(PrometheusFailure.Unavailable, "connection refused");

        var result = await _source.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queue_length", LabelSelector.Everything), default);

        Assert.Equal(MetricErrorKind.SourceUnavailable, result.Error!.Kind);
        Assert.Contains("connection refused", result.Error.Message, StringComparison.Ordinal);
        Assert.False(_source.GetHealth().Healthy);
    }

    [Fact]
    public async Task Last_known_good_is_served_within_the_staleness_bound_only()
    {
        await _source.RefreshAsync(default);
        _client.Answer = _ => [new PromSample(Labels(), 9, Start)];
        var query = new ExternalMetricQuery("shop", "queue_length", LabelSelector.Everything);
        await _source.GetExternalMetricAsync(query, default);
        _client.Failure = new PrometheusException(PrometheusFailure.Timeout, "timed out");

        _time.Advance(TimeSpan.FromSeconds(90));
        var withinBound = await _source.GetExternalMetricAsync(query, default);
        _time.Advance(TimeSpan.FromSeconds(60));
        var beyondBound = await _source.GetExternalMetricAsync(query, default);

        Assert.Equal(Quantity.FromDouble(9), Assert.Single(withinBound.Value).Value);
        Assert.Equal(Start, withinBound.Value[0].Timestamp);
        Assert.Equal(MetricErrorKind.Timeout, beyondBound.Error!.Kind);
    }

    [Fact]
    public async Task Failed_discovery_keeps_serving_the_previous_metrics()
    {
        await _source.RefreshAsync(default);
        _client.Failure = new PrometheusException(PrometheusFailure.Unavailable, "down");

        await Assert.ThrowsAsync<PrometheusException>(() => _source.RefreshAsync(default));

        Assert.Equal(2, (await _source.ListExternalMetricsAsync(default)).Count);
        Assert.False(_source.GetHealth().Healthy);
    }

    [Fact]
    public async Task Custom_metric_by_name_queries_the_object_and_groups_by_its_label()
    {
        await _source.RefreshAsync(default);
        _client.Answer = _ => [new PromSample(Labels("pod", "web-1"), 2.5, Start)];
        var info = new CustomMetricInfo(new GroupResource("", "pods"), true, "http_requests_per_second");

        var result = await _source.GetMetricByNameAsync(new CustomObjectQuery(info, "shop", "web-1", LabelSelector.Everything), default);

        Assert.Equal(
            "sum(rate(http_requests_total{kubernetes_namespace=\"shop\",kubernetes_pod_name=\"web-1\"}[2m])) by (kubernetes_pod_name)",
            Assert.Single(_client.Queries));
        Assert.Equal(MetricErrorKind.NoValue, result.Error!.Kind); // the answer lacked the grouping label

        _client.Answer = _ => [new PromSample(Labels("kubernetes_pod_name", "web-1"), 2.5, Start)];
        var value = (await _source.GetMetricByNameAsync(new CustomObjectQuery(info, "shop", "web-1", LabelSelector.Everything), default)).Value;
        Assert.Equal(new ObjectReference("Pod", "shop", "web-1", "v1"), value.DescribedObject);
        Assert.Equal(Quantity.FromDouble(2.5), value.Value);
    }

    [Fact]
    public async Task Custom_metric_by_object_selector_is_a_clear_bad_request()
    {
        await _source.RefreshAsync(default);
        var info = new CustomMetricInfo(new GroupResource("", "pods"), true, "http_requests_per_second");

        var result = await _source.GetMetricBySelectorAsync(
            new CustomSelectorQuery(info, "shop", LabelSelector.Parse("app=web"), LabelSelector.Everything), default);

        Assert.Equal(MetricErrorKind.BadRequest, result.Error!.Kind);
        Assert.Empty(_client.Queries);
    }
}
