namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>An external metric a source can serve.</summary>
/// <param name="Metric">The metric name as it appears in the external metrics path.</param>
public sealed record ExternalMetricInfo(string Metric);
