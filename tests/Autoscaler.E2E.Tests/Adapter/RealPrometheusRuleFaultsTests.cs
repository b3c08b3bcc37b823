using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.MetricsAdapter.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// Issue #14's rule faults against Debian's real Prometheus: an empty matcher list renders PromQL Prometheus
/// accepts, a rule Prometheus really refuses (bad_data) is a configuration error naming the rule (not an outage),
/// and a metricsQuery without &lt;&lt;.LabelMatchers&gt;&gt; still holds the selector on the returned labels.
/// </summary>
[Trait("Category", "Adapter")]
public sealed class RealPrometheusRuleFaultsTests : IAsyncLifetime
{
    private const string Rules = """
        externalRules:
        - seriesQuery: '{__name__="queue_length"}'
          resources:
            namespaced: false
          name:
            matches: "^(.*)$"
            as: "cluster_$1"
          metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>, queue=~"ord.*"}) by (<<.GroupBy>>)'
        - seriesQuery: '{__name__="queue_length"}'
          resources:
            namespaced: false
          name:
            matches: "^(.*)$"
            as: "broken_$1"
          metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>} by (<<.GroupBy>>)'
        - seriesQuery: '{__name__="queue_length"}'
          resources:
            namespaced: false
          name:
            matches: "^(.*)$"
            as: "by_queue_$1"
          metricsQuery: 'sum(queue_length) by (queue)'
        """;

    private PrometheusSourceStack? _stack;

    public async Task InitializeAsync() => _stack = await PrometheusSourceStack.StartAsync(Rules, new Dictionary<string, string?>
    {
        ["Prometheus:DiscoveryInterval"] = "00:00:01",
        ["Staleness:MaxAge"] = "00:00:30",
    });

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    [Fact]
    public async Task Empty_matchers_are_valid_promql_a_refused_rule_is_a_configuration_error_and_selectors_hold()
    {
        var provider = _stack!.Host.Services.GetServices<IExternalMetricsProvider>().Single();
        var health = _stack!.Host.Services.GetServices<IMetricSourceHealth>().Single();
        _stack!.Demo.QueueLength = 9;

        // 1. {<<.LabelMatchers>>, queue=~"ord.*"} with no matchers: Prometheus accepts the rendered query.
        await Eventually.TrueAsync("cluster_queue_length 9 through the rendered query", async seen =>
        {
            var last = await provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "cluster_queue_length", LabelSelector.Everything), default);
            seen(last.IsSuccess ? $"value {last.Value.Single().Value}" : last.Error!.Message);
            return last.IsSuccess && last.Value.Single().Value == Quantity.FromDouble(9);
        }, TimeSpan.FromSeconds(60));

        // 2. Prometheus refuses the rule's query: a configuration error naming the rule, the source stays healthy.
        var broken = await provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "broken_queue_length", LabelSelector.Everything), default);
        Assert.Equal(MetricErrorKind.Configuration, broken.Error!.Kind);
        Assert.StartsWith("invalid query from rule externalRules[1]: Prometheus answered bad_data:", broken.Error.Message, StringComparison.Ordinal);
        Assert.True(health.GetHealth().Healthy);

        // 3. No <<.LabelMatchers>>: the selector holds on the returned labels; a label the result lacks is an error.
        var orders = await provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "by_queue_queue_length", LabelSelector.Parse("queue=orders")), default);
        var none = await provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "by_queue_queue_length", LabelSelector.Parse("queue=refunds")), default);
        var unknown = await provider.GetExternalMetricAsync(new ExternalMetricQuery("shop", "by_queue_queue_length", LabelSelector.Parse("tier=a")), default);
        Assert.Equal(Quantity.FromDouble(9), orders.Value.Single().Value);
        Assert.Equal(MetricErrorKind.NoValue, none.Error!.Kind);
        Assert.Equal(MetricErrorKind.BadRequest, unknown.Error!.Kind);
    }
}
