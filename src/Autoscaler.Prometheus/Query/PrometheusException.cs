namespace Autoscaler.Prometheus.Query;

/// <summary>A failed Prometheus call: its <see cref="Failure"/> kind decides retries and the error a caller reports.</summary>
/// <param name="failure">What kind of failure.</param>
/// <param name="message">A message naming what failed (status, timeout, Prometheus' own error text).</param>
/// <param name="inner">The underlying exception, if any.</param>
/// <param name="errorType">Prometheus' <c>errorType</c>, when its error envelope had one.</param>
public sealed class PrometheusException(PrometheusFailure failure, string message, Exception? inner = null, string? errorType = null)
    : Exception(message, inner)
{
    /// <summary>What kind of failure this was.</summary>
    public PrometheusFailure Failure { get; } = failure;

    /// <summary>The <c>errorType</c> of Prometheus' error envelope (<c>bad_data</c>, <c>execution</c>, ...), when it sent one.</summary>
    public string? ErrorType { get; } = errorType;

    /// <summary>True for <see cref="PrometheusFailure.Unavailable"/> and <see cref="PrometheusFailure.Timeout"/>: worth retrying.</summary>
    public bool IsTransient => Failure is PrometheusFailure.Unavailable or PrometheusFailure.Timeout;
}
