using Autoscaler.Core.Labels;

namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>A custom metric request for one named object (paths C1, C3, C5).</summary>
/// <param name="Info">The described resource, its scope, and the metric.</param>
/// <param name="Namespace">The object's namespace; empty for cluster-scoped objects.</param>
/// <param name="Name">The object name.</param>
/// <param name="MetricSelector">Selects among the metric's series (the <c>metricLabelSelector</c>).</param>
public sealed record CustomObjectQuery(CustomMetricInfo Info, string Namespace, string Name, LabelSelector MetricSelector);
