using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.Prometheus.Query;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>Turns each rule's <c>seriesQuery</c> results into the metrics the adapter serves, the way
/// prometheus-adapter does: filter series names, rename with <c>name</c>, map labels to resources.</summary>
internal static class MetricDiscovery
{
    public static async Task<DiscoveredMetrics> DiscoverAsync(
        IReadOnlyList<MetricRule> rules, IPrometheusClient client, TimeSpan lookback, CancellationToken cancellationToken)
    {
        var external = new Dictionary<string, ExternalSeriesInfo>(StringComparer.OrdinalIgnoreCase);
        var custom = new Dictionary<(GroupResource Resource, string Metric), CustomSeriesInfo>();
        var spellings = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var seriesByQuery = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!seriesByQuery.TryGetValue(rule.SeriesQuery, out var series))
            {
                series = await client.SeriesAsync(rule.SeriesQuery, lookback, cancellationToken).ConfigureAwait(false);
                seriesByQuery[rule.SeriesQuery] = series;
            }

            foreach (var labels in series)
            {
                if (Add(rule, labels, external, custom) is { } metric)
                {
                    var key = DiscoveredMetrics.Key(metric);
                    if (!spellings.TryGetValue(key, out var names))
                    {
                        spellings[key] = names = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(metric);
                }
            }
        }

        return new DiscoveredMetrics(external, custom, spellings.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal));
    }

    /// <summary>Adds what one series contributes under one rule (the first rule to claim a metric keeps it); returns the
    /// metric name it produced, or null when the rule does not take the series. <paramref name="external"/> must compare
    /// names case-insensitively; custom keys use <see cref="DiscoveredMetrics.Key"/>.</summary>
    public static string? Add(
        MetricRule rule,
        IReadOnlyDictionary<string, string> labels,
        Dictionary<string, ExternalSeriesInfo> external,
        Dictionary<(GroupResource Resource, string Metric), CustomSeriesInfo> custom)
    {
        if (!labels.TryGetValue("__name__", out var seriesName) || !rule.Keeps(seriesName) || rule.MetricNameFor(seriesName) is not { Length: > 0 } metric)
        {
            return null;
        }

        var namespaceLabel = rule.Resources.LabelFor(KnownResources.Namespaces);
        var hasNamespace = namespaceLabel is not null && labels.ContainsKey(namespaceLabel);
        if (rule.IsExternal)
        {
            external.TryAdd(metric, new ExternalSeriesInfo(rule, seriesName, hasNamespace ? namespaceLabel : null));
            return metric;
        }

        foreach (var label in labels.Keys)
        {
            if (rule.Resources.ResourceFor(label) is not { } resource)
            {
                continue;
            }

            var isNamespaceObject = resource == KnownResources.Namespaces;
            var info = new CustomMetricInfo(resource, hasNamespace && !isNamespaceObject, metric);
            custom.TryAdd((resource, DiscoveredMetrics.Key(metric)), new CustomSeriesInfo(rule, seriesName, label, hasNamespace ? namespaceLabel : null, info));
        }

        return metric;
    }
}
