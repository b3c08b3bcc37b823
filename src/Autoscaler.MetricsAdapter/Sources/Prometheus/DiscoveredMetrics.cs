using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>An external metric found by discovery: the rule and series that serve it.</summary>
/// <param name="Rule">The external rule.</param>
/// <param name="SeriesName">The Prometheus series name (<c>&lt;&lt;.Series&gt;&gt;</c>).</param>
/// <param name="NamespaceLabel">The label naming the namespace, when the series has one.</param>
internal sealed record ExternalSeriesInfo(MetricRule Rule, string SeriesName, string? NamespaceLabel);

/// <summary>A custom metric found by discovery.</summary>
/// <param name="Rule">The custom-metrics rule.</param>
/// <param name="SeriesName">The Prometheus series name.</param>
/// <param name="ResourceLabel">The label naming the described object.</param>
/// <param name="NamespaceLabel">The label naming the namespace, when the metric is namespaced.</param>
/// <param name="Info">What discovery reports for this metric.</param>
internal sealed record CustomSeriesInfo(MetricRule Rule, string SeriesName, string ResourceLabel, string? NamespaceLabel, CustomMetricInfo Info);

/// <summary>
/// One discovery snapshot; replaced whole on each successful refresh. Metric names are keyed the way the HPA asks
/// for them (lower case, see <see cref="Key"/>); names that differ only by case are recorded as ambiguous.
/// </summary>
internal sealed class DiscoveredMetrics
{
    public DiscoveredMetrics(
        IReadOnlyDictionary<string, ExternalSeriesInfo> external,
        IReadOnlyDictionary<(GroupResource Resource, string Metric), CustomSeriesInfo> custom,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? spellings = null)
    {
        External = external;
        Custom = custom;
        Spellings = spellings ?? new Dictionary<string, IReadOnlySet<string>>();
    }

    public static DiscoveredMetrics Empty { get; } = new(new Dictionary<string, ExternalSeriesInfo>(), new Dictionary<(GroupResource Resource, string Metric), CustomSeriesInfo>());

    /// <summary>External metrics by name, compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, ExternalSeriesInfo> External { get; }

    /// <summary>Custom metrics by resource and <see cref="Key"/> of the metric name.</summary>
    public IReadOnlyDictionary<(GroupResource Resource, string Metric), CustomSeriesInfo> Custom { get; }

    /// <summary>Every spelling discovered, by <see cref="Key"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Spellings { get; }

    /// <summary>The lookup key of a metric name: lower case, as the HPA's client sends it.</summary>
    public static string Key(string metric) => metric.ToLowerInvariant();

    /// <summary>A configuration error when <paramref name="metric"/> matches several names that differ only by case.</summary>
    public MetricError? Ambiguity(string metric) =>
        Spellings.TryGetValue(Key(metric), out var names) && names.Count > 1
            ? MetricError.Configuration(
                $"metric {metric} matches Prometheus metric names that differ only by case ({string.Join(", ", names.Order(StringComparer.Ordinal))}); " +
                "the HPA asks for names in lower case, so they cannot be told apart: rename one with the rule's name.as")
            : null;
}
