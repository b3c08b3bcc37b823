using Autoscaler.Core.Labels;

namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>A custom metric request for every object of a resource matching a selector (paths C2, C4: name <c>*</c>).</summary>
/// <param name="Info">The described resource, its scope, and the metric.</param>
/// <param name="Namespace">The namespace searched; empty for cluster-scoped objects.</param>
/// <param name="ObjectSelector">Selects the described objects by their labels (the <c>labelSelector</c>).</param>
/// <param name="MetricSelector">Selects among the metric's series (the <c>metricLabelSelector</c>).</param>
public sealed record CustomSelectorQuery(CustomMetricInfo Info, string Namespace, LabelSelector ObjectSelector, LabelSelector MetricSelector);
