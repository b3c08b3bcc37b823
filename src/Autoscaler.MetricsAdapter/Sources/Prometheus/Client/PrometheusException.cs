namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Client;

/// <summary>What kind of failure a Prometheus call had, which decides retries and the error the HPA sees.</summary>
internal enum PrometheusFailure
{
    /// <summary>Connection refused, reset, 5xx, or the circuit is open: retried, then "unavailable".</summary>
    Unavailable,

    /// <summary>No answer in time: retried, then "timeout".</summary>
    Timeout,

    /// <summary>Prometheus refused the query (bad_data, execution): not retried.</summary>
    QueryError,

    /// <summary>The answer was not the documented JSON: not retried.</summary>
    BadResponse,
}

/// <summary>A failed Prometheus call.</summary>
internal sealed class PrometheusException(PrometheusFailure failure, string message, Exception? inner = null, string? errorType = null)
    : Exception(message, inner)
{
    public PrometheusFailure Failure { get; } = failure;

    /// <summary>The <c>errorType</c> of Prometheus' error envelope (<c>bad_data</c>, <c>execution</c>, ...), when it sent one.</summary>
    public string? ErrorType { get; } = errorType;

    public bool IsTransient => Failure is PrometheusFailure.Unavailable or PrometheusFailure.Timeout;
}
