namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>An expected failure of a metric lookup, returned as a value.</summary>
/// <param name="Kind">What went wrong, which decides the HTTP status.</param>
/// <param name="Message">A human-readable explanation; the HPA logs it in its events.</param>
public sealed record MetricError(MetricErrorKind Kind, string Message)
{
    /// <summary>The metric or object is unknown to this source.</summary>
    public static MetricError NotFound(string message) => new(MetricErrorKind.NotFound, message);

    /// <summary>The metric is known but has no current value.</summary>
    public static MetricError NoValue(string message) => new(MetricErrorKind.NoValue, message);

    /// <summary>The latest value is too old to serve.</summary>
    public static MetricError Stale(string message) => new(MetricErrorKind.Stale, message);

    /// <summary>The backing system is unavailable.</summary>
    public static MetricError Unavailable(string message) => new(MetricErrorKind.SourceUnavailable, message);

    /// <summary>The backing system timed out.</summary>
    public static MetricError Timeout(string message) => new(MetricErrorKind.Timeout, message);

    /// <summary>A configuration fault (a rule rendering invalid PromQL, ambiguous metric names): 500, never retried.</summary>
    public static MetricError Configuration(string message) => new(MetricErrorKind.Configuration, message);

    /// <summary>The request is not valid for this source.</summary>
    public static MetricError BadRequest(string message) => new(MetricErrorKind.BadRequest, message);
}
