using System.Diagnostics.Metrics;
using System.Text;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources;
using Autoscaler.MetricsAdapter.Sources.Prometheus;
using Autoscaler.Prometheus.Query;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Storage;
using Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Autoscaler.MetricsAdapter.Tests.Sources.Prometheus.ScriptedPrometheusClient;

namespace Autoscaler.MetricsAdapter.Tests.Api;

/// <summary>Issue #14's inputs through the whole HTTP pipeline, as the HPA sends them.</summary>
public sealed class Issue14HttpTests
{
    private const string Base = "/apis/external.metrics.k8s.io/v1beta1";

    [Fact]
    public async Task The_hpa_reads_a_pushed_camelCase_metric_by_its_lower_cased_name()
    {
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(now);
        using var store = new SqliteSampleStore(":memory:", clock);
        store.Append([new MetricSample("shop", "queueLength", new Dictionary<string, string> { ["queue"] = "orders" }, 17, now.ToUnixTimeMilliseconds())]);
        var push = new PushMetricsProvider(store, Options.Create(new StalenessOptions()), clock);
        await using var host = await AdapterTestHost.StartAsync(services: s => s.AddMetricSource(push));

        var r = await host.AsAdminAsync($"{Base}/namespaces/shop/queuelength?labelSelector=queue%3Dorders");

        Assert.Equal(200, r.Status);
        var item = Assert.Single(r.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("17", item.GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_rule_prometheus_refuses_is_a_500_naming_the_rule_without_retry_and_counted_in_metrics()
    {
        var client = new ScriptedPrometheusClient();
        client.Series.Add(Labels("__name__", "queueSize", "queue", "my_queue_1"));
        client.Answer = _ => PrometheusResponseDecoder.DecodeQuery(Encoding.UTF8.GetBytes(
            """{"status":"error","errorType":"bad_data","error":"1:16: parse error: unexpected \",\""}"""));
        await using var host = await AdapterTestHost.StartAsync(services: s =>
        {
            s.AddSingleton(sp => new PrometheusSource(
                RulesLoader.Load("""
                    externalRules:
                    - seriesQuery: '{__name__="queueSize"}'
                      resources:
                        namespaced: false
                      metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>, queue=~"my_queue_.*"}) by (<<.GroupBy>>)'
                    """, "rules.yaml"),
                client,
                new PrometheusSourceOptions { Url = "http://prometheus:9090" },
                new StalenessOptions(),
                TimeProvider.System,
                new RuleQueryErrors(sp.GetRequiredService<IMeterFactory>(), null)));
            s.AddMetricSource<PrometheusSource>();
        });
        await host.App.Services.GetRequiredService<PrometheusSource>().RefreshAsync(default);

        var r = await host.AsAdminAsync($"{Base}/namespaces/shop/queuesize");
        var metrics = await host.AsAdminAsync("/metrics");

        Assert.Equal("sum(queueSize{queue=~\"my_queue_.*\"}) by ()", Assert.Single(client.Queries));
        Assert.Equal(500, r.Status);
        Assert.Equal("InternalError", r.Json.GetProperty("reason").GetString());
        Assert.Contains("invalid query from rule externalRules[0]: Prometheus answered bad_data", r.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.RetryAfter);
        Assert.Contains("adapter_prometheus_rule_query_errors_total{error_type=\"bad_data\",rule=\"externalRules[0]\"} 1", metrics.Body, StringComparison.Ordinal);
    }
}
