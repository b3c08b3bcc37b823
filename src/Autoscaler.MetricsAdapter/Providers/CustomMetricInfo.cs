namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>A custom metric a source can serve: which kind of object it describes, and its name.</summary>
/// <param name="Resource">The described objects' group and resource (<c>pods</c>, <c>deployments.apps</c>, <c>namespaces</c>).</param>
/// <param name="Namespaced">True when the described objects live in namespaces (false for nodes and Namespace objects).</param>
/// <param name="Metric">The metric name.</param>
public sealed record CustomMetricInfo(GroupResource Resource, bool Namespaced, string Metric);
