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

/// <summary>One discovery snapshot; replaced whole on each successful refresh.</summary>
internal sealed class DiscoveredMetrics
{
    public static DiscoveredMetrics Empty { get; } = new(new Dictionary<string, ExternalSeriesInfo>(), new Dictionary<(GroupResource Resource, string Metric), CustomSeriesInfo>());

    public DiscoveredMetrics(IReadOnlyDictionary<string, ExternalSeriesInfo> external, IReadOnlyDictionary<(GroupResource Resource, string Metric), CustomSeriesInfo> custom)
    {
        External = external;
        Custom = custom;
    }

    public IReadOnlyDictionary<string, ExternalSeriesInfo> External { get; }

    public IReadOnlyDictionary<(GroupResource Resource, string Metric), CustomSeriesInfo> Custom { get; }
}
