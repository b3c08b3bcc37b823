namespace Autoscaler.Prometheus.Query;

/// <summary>Prometheus' instant query and series list (the metrics adapter's calls); failures are <see cref="PrometheusException"/>.</summary>
public interface IPrometheusClient
{
    /// <summary>Runs an instant query (<c>POST /api/v1/query</c>) evaluated at Prometheus' "now"; returns the vector's
    /// samples, or one label-less sample for a scalar. Other result types are a <see cref="PrometheusFailure.BadResponse"/>.</summary>
    Task<IReadOnlyList<PromSample>> QueryAsync(string promql, CancellationToken cancellationToken);

    /// <summary>Lists the label sets of series matching the selector <paramref name="match"/> seen within
    /// <paramref name="lookback"/> before now (<c>POST /api/v1/series</c>).</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SeriesAsync(string match, TimeSpan lookback, CancellationToken cancellationToken);
}
