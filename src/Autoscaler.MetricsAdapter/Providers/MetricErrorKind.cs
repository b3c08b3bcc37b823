namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>The expected ways a metric lookup fails; each maps to one metav1.Status reason.</summary>
public enum MetricErrorKind
{
    /// <summary>The source does not know this metric or object (404 NotFound).</summary>
    NotFound,

    /// <summary>The metric exists but has no current value, e.g. an empty query result (404 NotFound). Never served as 0.</summary>
    NoValue,

    /// <summary>The latest value is older than the staleness bound (404 NotFound, so the HPA holds).</summary>
    Stale,

    /// <summary>The backing system cannot be reached or its circuit is open (503 ServiceUnavailable).</summary>
    SourceUnavailable,

    /// <summary>The backing system did not answer in time (504 Timeout).</summary>
    Timeout,

    /// <summary>The request cannot be served as asked, e.g. an unsupported selector (400 BadRequest).</summary>
    BadRequest,

    /// <summary>The adapter's configuration or its data cannot answer, e.g. a rule whose query Prometheus rejects
    /// (500 InternalError, no retry hint: asking again will not help until the configuration is fixed).</summary>
    Configuration,
}
