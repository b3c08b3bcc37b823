using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Objects;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.Prometheus.Query;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>
/// The Prometheus-backed source: serves what periodic discovery found, by rendering the rule's
/// <c>metricsQuery</c> and running it through <see cref="PrometheusQueryRunner"/>.
/// </summary>
internal sealed class PrometheusSource : IExternalMetricsProvider, ICustomMetricsProvider, IMetricSourceHealth
{
    private readonly IReadOnlyList<MetricRule> _rules;
    private readonly IPrometheusClient _client;
    private readonly PrometheusSourceOptions _options;
    private readonly PrometheusHealthTracker _health = new();
    private readonly PrometheusQueryRunner _runner;
    private readonly IObjectLister? _objects;
    private volatile DiscoveredMetrics _discovered = DiscoveredMetrics.Empty;

    public PrometheusSource(
        IReadOnlyList<MetricRule> rules,
        IPrometheusClient client,
        PrometheusSourceOptions options,
        StalenessOptions staleness,
        TimeProvider time,
        RuleQueryErrors? ruleErrors = null,
        IObjectLister? objects = null)
    {
        _objects = objects;
        _rules = rules;
        _client = client;
        _options = options;
        _runner = new PrometheusQueryRunner(client, staleness, time, _health, ruleErrors ?? new RuleQueryErrors(null, null));
    }

    public string SourceName => "prometheus";

    public SourceHealth GetHealth() => _health.LastFailure is { } failure ? SourceHealth.Failed(failure) : SourceHealth.Ok;

    /// <summary>Rediscovers series; on failure the previous snapshot keeps serving.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            _discovered = await MetricDiscovery.DiscoverAsync(_rules, _client, _options.SeriesLookback, cancellationToken).ConfigureAwait(false);
            _health.Succeeded();
        }
        catch (PrometheusException ex)
        {
            _health.Failed($"series discovery failed: {ex.Message}");
            throw;
        }
    }

    public ValueTask<IReadOnlyList<ExternalMetricInfo>> ListExternalMetricsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ExternalMetricInfo>>(_discovered.External.Keys.Select(m => new ExternalMetricInfo(m)).ToArray());

    public ValueTask<IReadOnlyList<CustomMetricInfo>> ListCustomMetricsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<CustomMetricInfo>>(_discovered.Custom.Values.Select(c => c.Info).ToArray());

    public async ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> GetExternalMetricAsync(ExternalMetricQuery query, CancellationToken cancellationToken)
    {
        if (_discovered.Ambiguity(query.Metric) is { } ambiguous)
        {
            return ambiguous;
        }

        if (!_discovered.External.TryGetValue(query.Metric, out var series))
        {
            return MetricError.NotFound($"external metric {query.Metric} is not served by any Prometheus rule (or discovery has not seen its series yet)");
        }

        var matchers = new List<string>();
        if (series.Rule.Namespaced && series.NamespaceLabel is { } nsLabel)
        {
            matchers.Add(PromQl.Equal(nsLabel, query.Namespace));
        }

        if (!TryAddSelector(query.Selector, matchers, out var error))
        {
            return error!;
        }

        var promql = Render(series.Rule, series.SeriesName, matchers, []);
        var result = await _runner.RunAsync(promql, $"external metric {query.Metric}", series.Rule, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess && !series.Rule.AppliesLabelMatchers)
        {
            var namespaceLabel = series.Rule.Namespaced ? series.NamespaceLabel : null;
            result = ResultLabelFilter.Apply(result.Value, series.Rule, query.Selector, namespaceLabel, query.Namespace);
            if (result.IsSuccess && result.Value.Count == 0)
            {
                return MetricError.NoValue($"no series returned for external metric {query.Metric} by rule {series.Rule.Name} matches selector \"{query.Selector}\" (query: {promql})");
            }
        }

        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var values = new List<ExternalMetricValue>();
        foreach (var sample in result.Value)
        {
            if (ToQuantity(sample.Value) is not { } quantity)
            {
                return MetricError.NoValue($"external metric {query.Metric}: value {sample.Value} is outside what the HPA can hold");
            }

            var labels = sample.Labels.Where(l => l.Key != "__name__").ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
            values.Add(new ExternalMetricValue(query.Metric, labels, sample.Timestamp, null, quantity));
        }

        return values;
    }

    public async ValueTask<MetricResult<CustomMetricValue>> GetMetricByNameAsync(CustomObjectQuery query, CancellationToken cancellationToken)
    {
        var all = await QueryCustomAsync(query.Info, query.Namespace, [query.Name], query.MetricSelector, cancellationToken).ConfigureAwait(false);
        if (!all.IsSuccess)
        {
            return all.Error!;
        }

        return all.Value.FirstOrDefault(v => v.DescribedObject.Name == query.Name) is { } value
            ? value
            : MetricError.NoValue($"Prometheus returned no value of {query.Info.Metric} for {query.Info.Resource} {query.Name}");
    }

    public async ValueTask<MetricResult<IReadOnlyList<CustomMetricValue>>> GetMetricBySelectorAsync(CustomSelectorQuery query, CancellationToken cancellationToken)
    {
        if (query.ObjectSelector.IsEmpty)
        {
            return await QueryCustomAsync(query.Info, query.Namespace, null, query.MetricSelector, cancellationToken).ConfigureAwait(false);
        }

        if (_objects is null)
        {
            // Resolving object labels needs the Kubernetes API; without an object lister this source only knows what Prometheus knows.
            return MetricError.BadRequest(
                $"the Prometheus source cannot select {query.Info.Resource} by object labels (\"{query.ObjectSelector}\") without a Kubernetes object lister; query objects by name");
        }

        // Like prometheus-adapter: the selector picks objects from the cache, their names become the rule's resource matcher.
        var names = await _objects.ListNamesAsync(query.Info.Resource, query.Namespace, query.ObjectSelector, cancellationToken).ConfigureAwait(false);
        if (!names.IsSuccess)
        {
            return names.Error!;
        }

        if (names.Value.Count == 0)
        {
            return MetricError.NoValue($"no {query.Info.Resource} in namespace {query.Namespace} match selector \"{query.ObjectSelector}\"");
        }

        return await QueryCustomAsync(query.Info, query.Namespace, names.Value, query.MetricSelector, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MetricResult<IReadOnlyList<CustomMetricValue>>> QueryCustomAsync(
        CustomMetricInfo info, string ns, IReadOnlyCollection<string>? names, LabelSelector metricSelector, CancellationToken cancellationToken)
    {
        if (_discovered.Ambiguity(info.Metric) is { } ambiguous)
        {
            return ambiguous;
        }

        if (!_discovered.Custom.TryGetValue((info.Resource, DiscoveredMetrics.Key(info.Metric)), out var series))
        {
            return MetricError.NotFound($"custom metric {info.Metric} for {info.Resource} is not served by any Prometheus rule");
        }

        var matchers = new List<string>();
        if (series.NamespaceLabel is { } nsLabel && ns.Length > 0)
        {
            matchers.Add(PromQl.Equal(nsLabel, ns));
        }

        matchers.Add(names is null ? $"{series.ResourceLabel}!=\"\"" : PromQl.OneOf(series.ResourceLabel, names));
        if (!TryAddSelector(metricSelector, matchers, out var error))
        {
            return error!;
        }

        var promql = Render(series.Rule, series.SeriesName, matchers, [series.ResourceLabel]);
        var result = await _runner.RunAsync(promql, $"custom metric {info.Metric} for {info.Resource}", series.Rule, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess && !series.Rule.AppliesLabelMatchers)
        {
            var namespaceLabel = ns.Length > 0 ? series.NamespaceLabel : null;
            result = ResultLabelFilter.Apply(result.Value, series.Rule, metricSelector, namespaceLabel, ns);
        }

        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var (kind, apiVersion) = KnownResources.KindOf(info.Resource);
        var wanted = names?.ToHashSet(StringComparer.Ordinal);
        var values = new List<CustomMetricValue>();
        foreach (var sample in result.Value)
        {
            if (sample.Labels.TryGetValue(series.ResourceLabel, out var name) && (wanted is null || wanted.Contains(name)) && ToQuantity(sample.Value) is { } quantity)
            {
                values.Add(new CustomMetricValue(new ObjectReference(kind, ns, name, apiVersion), info.Metric, sample.Timestamp, null, quantity));
            }
        }

        // Series that describe none of the requested objects are no answer either: never an empty success for objects asked by name.
        return values.Count == 0 && wanted is not null
            ? MetricError.NoValue($"Prometheus returned no value of {info.Metric} for the requested {info.Resource} (query: {promql})")
            : values;
    }

    private static bool TryAddSelector(LabelSelector selector, List<string> matchers, out MetricError? error)
    {
        var extra = PromQl.Matchers(selector, out var problem);
        error = problem is null ? null : MetricError.BadRequest(problem);
        matchers.AddRange(extra);
        return problem is null;
    }

    private static string Render(MetricRule rule, string seriesName, IReadOnlyList<string> matchers, IReadOnlyList<string> groupBy) =>
        rule.MetricsQuery.Render(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Series"] = seriesName,
            ["LabelMatchers"] = string.Join(',', matchers),
            ["GroupBy"] = string.Join(',', groupBy),
            ["GroupBySlice"] = "[" + string.Join(' ', groupBy) + "]",
        },
        RuleCompiler.ListFields);

    private static Quantity? ToQuantity(double value) =>
        Math.Abs(value) < 9.2e15 ? Quantity.FromDouble(value) : null;
}
