namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Client;

/// <summary>The two Prometheus calls the source makes; failures are <see cref="PrometheusException"/>.</summary>
internal interface IPrometheusClient
{
    /// <summary>Runs an instant query at "now".</summary>
    Task<IReadOnlyList<PromSample>> QueryAsync(string promql, CancellationToken cancellationToken);

    /// <summary>Lists the label sets of series matching <paramref name="match"/> seen within <paramref name="lookback"/>.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SeriesAsync(string match, TimeSpan lookback, CancellationToken cancellationToken);
}
