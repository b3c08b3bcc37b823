namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>A source of custom (object) metrics (<c>custom.metrics.k8s.io</c>). Implementations must be thread-safe.</summary>
public interface ICustomMetricsProvider
{
    /// <summary>The metrics this source serves now, with the resource each describes.</summary>
    ValueTask<IReadOnlyList<CustomMetricInfo>> ListCustomMetricsAsync(CancellationToken cancellationToken);

    /// <summary>The latest value for one named object, or an expected error.</summary>
    ValueTask<MetricResult<CustomMetricValue>> GetMetricByNameAsync(CustomObjectQuery query, CancellationToken cancellationToken);

    /// <summary>The latest value for each object matching the object selector (an empty list is a valid answer).</summary>
    ValueTask<MetricResult<IReadOnlyList<CustomMetricValue>>> GetMetricBySelectorAsync(CustomSelectorQuery query, CancellationToken cancellationToken);
}
