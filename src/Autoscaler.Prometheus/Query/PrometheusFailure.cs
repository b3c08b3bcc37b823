namespace Autoscaler.Prometheus.Query;

/// <summary>What kind of failure a Prometheus call had, which decides retries and the error the HPA sees.</summary>
public enum PrometheusFailure
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
