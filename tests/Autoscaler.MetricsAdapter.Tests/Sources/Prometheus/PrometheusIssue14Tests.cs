using System.Diagnostics.Metrics;
using System.Text;
using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Errors;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources;
using Autoscaler.MetricsAdapter.Sources.Prometheus;
using Autoscaler.Prometheus.Query;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Autoscaler.MetricsAdapter.Tests.Sources.Prometheus.ScriptedPrometheusClient;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

/// <summary>Issue #14 wrong values 2-4 for the Prometheus source, each with the issue's exact input.</summary>
public sealed class PrometheusIssue14Tests
{
    private const string Rules = """
        externalRules:
        - seriesQuery: '{__name__="sidekiq_queue_enqueued_jobs"}'
          resources:
            namespaced: false
          metricsQuery: "sum(sidekiq_queue_enqueued_jobs) by (name)"
        - seriesQuery: '{__name__="queueSize"}'
          resources:
            namespaced: false
          metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>, queue=~"my_queue_.*"}) by (<<.GroupBy>>)'
        - seriesQuery: '{__name__="queueLength",namespace!=""}'
          resources:
            overrides:
              namespace: {resource: "namespace"}
          metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)'
        - seriesQuery: '{__name__="jobs_waiting",namespace!=""}'
          resources:
            overrides:
              namespace: {resource: "namespace"}
          metricsQuery: 'sum(jobs_waiting) by (namespace, queue)'
        - seriesQuery: '{__name__="jobs_total",namespace!=""}'
          resources:
            overrides:
              namespace: {resource: "namespace"}
          metricsQuery: 'sum(jobs_total)'
        """;

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly ScriptedPrometheusClient _client = new();
    private readonly CapturingLogger _log = new();
    private readonly IMeterFactory _meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
    private readonly PrometheusSource _source;

    public PrometheusIssue14Tests()
    {
        _client.Series.AddRange(
        [
            Labels("__name__", "sidekiq_queue_enqueued_jobs", "name", "default"),
            Labels("__name__", "sidekiq_queue_enqueued_jobs", "name", "mailers"),
            Labels("__name__", "queueSize", "queue", "my_queue_1"),
            Labels("__name__", "queueLength", "namespace", "shop", "queue", "orders"),
            Labels("__name__", "jobs_waiting", "namespace", "shop", "queue", "a"),
            Labels("__name__", "jobs_total", "namespace", "shop"),
        ]);
        _source = new PrometheusSource(
            RulesLoader.Load(Rules, "rules.yaml"),
            _client,
            new PrometheusSourceOptions { Url = "http://prometheus:9090" },
            new StalenessOptions(),
            new FakeTimeProvider(Now),
            new RuleQueryErrors(_meters, _log));
        _source.RefreshAsync(default).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Issue_input_selector_name_mailers_returns_only_300_not_312()
    {
        _client.Answer = _ => [Sample(12, "name", "default"), Sample(300, "name", "mailers")];

        var result = await External("sidekiq_queue_enqueued_jobs", "name=mailers");

        Assert.Equal("sum(sidekiq_queue_enqueued_jobs) by (name)", Assert.Single(_client.Queries));
        var item = Assert.Single(result.Value);
        Assert.Equal(300, item.Value.ToDouble());
        Assert.Equal("mailers", item.Labels["name"]);
    }

    [Fact]
    public async Task Issue_input_selector_on_a_label_the_result_lacks_is_an_error_not_both_items()
    {
        _client.Answer = _ => [Sample(12, "name", "default"), Sample(300, "name", "mailers")];

        var result = await External("sidekiq_queue_enqueued_jobs", "queue=none");

        Assert.Equal(MetricErrorKind.BadRequest, result.Error!.Kind);
        Assert.Contains("label 'queue', which the series returned by rule externalRules[0] do not carry (their labels: name)", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name!=default", new[] { 300.0 })]
    [InlineData("name in (default,mailers)", new[] { 12.0, 300.0 })]
    [InlineData("name notin (mailers)", new[] { 12.0 })]
    [InlineData("name", new[] { 12.0, 300.0 })]
    [InlineData("", new[] { 12.0, 300.0 })]
    public async Task Every_operator_holds_on_the_returned_labels(string selector, double[] expected)
    {
        _client.Answer = _ => [Sample(12, "name", "default"), Sample(300, "name", "mailers")];

        var result = await External("sidekiq_queue_enqueued_jobs", selector);

        Assert.Equal(expected, result.Value.Select(v => v.Value.ToDouble()).Order());
    }

    [Fact]
    public async Task A_selector_matching_none_of_the_returned_series_is_no_value_never_zero()
    {
        _client.Answer = _ => [Sample(12, "name", "default")];

        var result = await External("sidekiq_queue_enqueued_jobs", "name=mailers");

        Assert.Equal(MetricErrorKind.NoValue, result.Error!.Kind);
    }

    [Fact]
    public async Task A_namespaced_rule_without_label_matchers_is_confined_to_the_namespace_by_label()
    {
        _client.Answer = _ => [Sample(5, "namespace", "shop", "queue", "a"), Sample(50, "namespace", "billing", "queue", "a")];

        var result = await External("jobs_waiting", "queue=a");

        Assert.Equal(5, Assert.Single(result.Value).Value.ToDouble());
    }

    [Fact]
    public async Task A_namespaced_rule_whose_result_drops_the_namespace_label_is_a_configuration_error()
    {
        _client.Answer = _ => [Sample(55)];

        var result = await External("jobs_total", "");

        Assert.Equal(MetricErrorKind.Configuration, result.Error!.Kind);
        Assert.Contains("rule externalRules[4] cannot be confined to namespace shop", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_input_empty_matchers_render_valid_promql()
    {
        _client.Answer = _ => [Sample(8)];

        var result = await External("queueSize", "");

        Assert.Equal("sum(queueSize{queue=~\"my_queue_.*\"}) by ()", Assert.Single(_client.Queries));
        Assert.Equal(8, Assert.Single(result.Value).Value.ToDouble());
    }

    [Fact]
    public async Task Issue_input_bad_data_is_a_configuration_error_naming_the_rule_logged_once_and_counted()
    {
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == _meters && instrument.Name == "adapter_prometheus_rule_query_errors_total")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (tags.ToArray().Any(t => t.Key == "rule" && (string?)t.Value == "externalRules[1]"))
            {
                Interlocked.Add(ref counted, value);
            }
        });
        listener.Start();
        _client.Answer = _ => PrometheusResponseDecoder.DecodeQuery(Encoding.UTF8.GetBytes(
            """{"status":"error","errorType":"bad_data","error":"1:16: parse error: unexpected \",\" in label matching, expected identifier or \"}\""}"""));

        var first = await External("queueSize", "");
        var second = await External("queueSize", "");

        Assert.Equal(MetricErrorKind.Configuration, first.Error!.Kind);
        Assert.StartsWith("invalid query from rule externalRules[1]: Prometheus answered bad_data: 1:16: parse error", first.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stale", first.Error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(MetricErrorKind.Configuration, second.Error!.Kind);
        var status = ApiError.FromMetricError(first.Error, "queueSize", null);
        Assert.Equal((500, "InternalError"), (status.Code, status.Reason));
        Assert.True(status.Details?.RetryAfterSeconds is null or 0, "no retry hint");
        Assert.Contains("invalid query from rule externalRules[1]:", status.Message, StringComparison.Ordinal);
        Assert.Single(_log.Errors);
        Assert.Equal(2, Interlocked.Read(ref counted));
        Assert.True(_source.GetHealth().Healthy);
    }

    [Fact]
    public async Task Issue_input_camelCase_prometheus_series_is_read_in_lower_case()
    {
        _client.Answer = _ => [Sample(17)];

        var result = await _source.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queuelength", LabelSelector.Parse("queue=orders")), default);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("sum(queueLength{namespace=\"shop\",queue=\"orders\"}) by ()", Assert.Single(_client.Queries));
        Assert.Equal(17, Assert.Single(result.Value).Value.ToDouble());
    }

    [Fact]
    public async Task Prometheus_names_differing_only_by_case_are_a_configuration_error()
    {
        var client = new ScriptedPrometheusClient();
        client.Series.AddRange([Labels("__name__", "queueLength", "namespace", "shop"), Labels("__name__", "QueueLength", "namespace", "shop")]);
        var source = new PrometheusSource(
            RulesLoader.Load("""
                externalRules:
                - seriesQuery: '{__name__=~"queueLength|QueueLength",namespace!=""}'
                  resources:
                    overrides:
                      namespace: {resource: "namespace"}
                  metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>})'
                """, "rules.yaml"),
            client,
            new PrometheusSourceOptions { Url = "http://prometheus:9090" },
            new StalenessOptions(),
            new FakeTimeProvider(Now));
        await source.RefreshAsync(default);

        var result = await source.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queuelength", LabelSelector.Everything), default);

        Assert.Equal(MetricErrorKind.Configuration, result.Error!.Kind);
        Assert.Contains("(QueueLength, queueLength)", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_rules_without_label_matchers_also_hold_the_metric_selector_and_the_object_name()
    {
        var client = new ScriptedPrometheusClient();
        client.Series.Add(Labels("__name__", "http_requests_total", "namespace", "shop", "pod", "web-1"));
        var source = new PrometheusSource(
            RulesLoader.Load("""
                rules:
                - seriesQuery: '{__name__="http_requests_total",namespace!="",pod!=""}'
                  resources:
                    overrides:
                      namespace: {resource: "namespace"}
                      pod: {resource: "pod"}
                  metricsQuery: 'sum(rate(http_requests_total[2m])) by (namespace, pod, verb)'
                """, "rules.yaml"),
            client,
            new PrometheusSourceOptions { Url = "http://prometheus:9090" },
            new StalenessOptions(),
            new FakeTimeProvider(Now));
        await source.RefreshAsync(default);
        client.Answer = _ =>
        [
            Sample(1, "namespace", "shop", "pod", "web-1", "verb", "GET"),
            Sample(2, "namespace", "shop", "pod", "web-2", "verb", "GET"),
            Sample(40, "namespace", "billing", "pod", "web-1", "verb", "GET"),
        ];
        var info = new CustomMetricInfo(new GroupResource(string.Empty, "pods"), true, "http_requests_total");

        var one = await source.GetMetricByNameAsync(new CustomObjectQuery(info, "shop", "web-1", LabelSelector.Parse("verb=GET")), default);
        var missing = await source.GetMetricByNameAsync(new CustomObjectQuery(info, "shop", "web-1", LabelSelector.Parse("code=500")), default);

        Assert.Equal(1, one.Value.Value.ToDouble());
        Assert.Equal(MetricErrorKind.BadRequest, missing.Error!.Kind);
        Assert.Contains("label 'code'", missing.Error.Message, StringComparison.Ordinal);
    }

    private static PromSample Sample(double value, params string[] labels) => new(Labels(labels), value, Now);

    private async Task<MetricResult<IReadOnlyList<ExternalMetricValue>>> External(string metric, string selector) =>
        await _source.GetExternalMetricAsync(new ExternalMetricQuery("shop", metric, LabelSelector.Parse(selector)), default);

    private sealed class CapturingLogger : ILogger
    {
        public List<string> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                Errors.Add(formatter(state, exception));
            }
        }
    }
}
