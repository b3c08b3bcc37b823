namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>
/// Reports whether a metric source can answer. The adapter is ready while at least one source is healthy.
/// Must be cheap (readiness probes call it often): report cached state, do not query the backend here.
/// </summary>
public interface IMetricSourceHealth
{
    /// <summary>A short stable name for the source, e.g. <c>push</c> or <c>prometheus</c>.</summary>
    string SourceName { get; }

    /// <summary>The current health.</summary>
    SourceHealth GetHealth();
}
