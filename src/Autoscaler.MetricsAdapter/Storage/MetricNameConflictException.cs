namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>A pushed metric name differs only by case from one the namespace already has; the batch is refused.</summary>
/// <param name="message">Names both spellings and the namespace.</param>
internal sealed class MetricNameConflictException(string message) : Exception(message);
