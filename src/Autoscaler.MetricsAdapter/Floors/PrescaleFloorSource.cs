using Autoscaler.Kubernetes.Entities;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Floors;

/// <summary>
/// Serves <see cref="AutoscalerApi.PrescaleFloorMetric"/> as an External metric (issue #11, actuation
/// <c>externalMetric</c>): the controller writes the floor to PredictivePolicy <c>status.activeFloor</c>, this source
/// reads it from the informer cache (<see cref="PolicyFloorSeries"/>). Other metric names are NotFound, so the next
/// source answers them. Before the cache synced it answers 503 (unavailable), never a guessed 0; a namespace
/// without a matching policy answers NoValue naming the selector.
/// </summary>
internal sealed class PrescaleFloorSource(IPolicyCache cache, TimeProvider time) : IExternalMetricsProvider, IMetricSourceHealth
{
    public string SourceName => "floors";

    public SourceHealth GetHealth() =>
        cache.IsSynced ? SourceHealth.Ok : SourceHealth.Failed("waiting for the first list of predictivepolicies");

    public ValueTask<IReadOnlyList<ExternalMetricInfo>> ListExternalMetricsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ExternalMetricInfo>>([new ExternalMetricInfo(AutoscalerApi.PrescaleFloorMetric)]);

    public ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> GetExternalMetricAsync(ExternalMetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ValueTask.FromResult(Get(query));
    }

    private MetricResult<IReadOnlyList<ExternalMetricValue>> Get(ExternalMetricQuery query)
    {
        if (!string.Equals(query.Metric, AutoscalerApi.PrescaleFloorMetric, StringComparison.OrdinalIgnoreCase))
        {
            return MetricError.NotFound($"{query.Metric} is not the pre-scale floor metric");
        }

        if (!cache.IsSynced)
        {
            return MetricError.Unavailable("the pre-scale floors are not known yet: the adapter's predictivepolicies cache has not synced");
        }

        var series = PolicyFloorSeries.In(cache.Policies(), query.Namespace, time.GetUtcNow())
            .Where(v => query.Selector.Matches(v.Labels))
            .ToArray();
        return series.Length > 0
            ? series
            : MetricError.NoValue(
                $"no PredictivePolicy with actuation externalMetric in namespace {query.Namespace} matches selector \"{query.Selector}\" " +
                "(series are labelled namespace, policy and hpa)");
    }
}
