using Autoscaler.Core.Labels;

namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>An external metric request (path E1): all series of a metric visible from a namespace that match a selector.</summary>
/// <param name="Namespace">The HPA's namespace (tenancy scope).</param>
/// <param name="Metric">The metric name.</param>
/// <param name="Selector">Selects among the metric's series labels.</param>
public sealed record ExternalMetricQuery(string Namespace, string Metric, LabelSelector Selector);
