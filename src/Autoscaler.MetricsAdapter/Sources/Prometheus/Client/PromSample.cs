namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Client;

/// <summary>One element of an instant-vector (or scalar) result.</summary>
/// <param name="Labels">The series labels (empty for fully aggregated results and scalars).</param>
/// <param name="Value">The sample value; may be NaN or infinite, which callers must not serve.</param>
/// <param name="Timestamp">The evaluation timestamp.</param>
internal sealed record PromSample(IReadOnlyDictionary<string, string> Labels, double Value, DateTimeOffset Timestamp);
