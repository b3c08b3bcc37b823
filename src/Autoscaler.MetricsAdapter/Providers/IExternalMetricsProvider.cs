namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>A source of external metrics (<c>external.metrics.k8s.io</c>). Implementations must be thread-safe.</summary>
public interface IExternalMetricsProvider
{
    /// <summary>The metrics this source serves now (for discovery; may be refreshed in the background).</summary>
    ValueTask<IReadOnlyList<ExternalMetricInfo>> ListExternalMetricsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The latest value of every matching series, or an expected error (unknown metric: <see cref="MetricErrorKind.NotFound"/>;
    /// no data: <see cref="MetricErrorKind.NoValue"/>, never an invented 0).
    /// </summary>
    ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> GetExternalMetricAsync(ExternalMetricQuery query, CancellationToken cancellationToken);
}
