namespace Autoscaler.Prometheus.Query;

/// <summary>One element of an instant-vector (or scalar) result.</summary>
/// <param name="Labels">The series labels (empty for fully aggregated results and scalars).</param>
/// <param name="Value">The sample value; may be NaN or infinite, which callers must not serve.</param>
/// <param name="Timestamp">The evaluation timestamp.</param>
public sealed record PromSample(IReadOnlyDictionary<string, string> Labels, double Value, DateTimeOffset Timestamp);
