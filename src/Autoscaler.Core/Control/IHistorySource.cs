using Autoscaler.Core.Forecasting;

namespace Autoscaler.Core.Control;

/// <summary>Where a pre-scale step reads the observed load it forecasts from (Prometheus, the push store, a replayed trace).</summary>
public interface IHistorySource
{
    /// <summary>
    /// The load observed at times <paramref name="from"/> ≤ t &lt; <paramref name="to"/> on a regular grid (NaN where
    /// missing), or null when nothing is known. Must never include a point at or after <paramref name="to"/>: the
    /// forecaster may only see the past. A failed read throws (any exception; the step treats everything but its own
    /// cancellation as a failed read, <see cref="HistoryReadFailure"/>, and reads again after a backoff).
    /// </summary>
    ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
