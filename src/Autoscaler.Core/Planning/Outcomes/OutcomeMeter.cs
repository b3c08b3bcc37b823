using Autoscaler.Core.Forecasting;

namespace Autoscaler.Core.Planning.Outcomes;

/// <summary>
/// Measures an event after the fact from two sampled series: the load (the HPA's metric, history unit) and the ready
/// replicas (e.g. kube-state-metrics' <c>kube_deployment_status_replicas_available</c>). A replica sample holds until the
/// next one; NaN samples are skipped. A load sample is overloaded when it is above ready replicas × load per replica
/// (the capacity model of <see cref="CapacityModel.ForAverageValue"/>), the rule the simulator's replay counts by.
/// </summary>
public static class OutcomeMeter
{
    /// <summary>Measures the window [<paramref name="start"/>, <paramref name="end"/>).</summary>
    /// <param name="load">Load samples covering the window.</param>
    /// <param name="ready">Ready replica samples, from before the floor's rise through the window.</param>
    /// <param name="loadPerReplica">Load one replica carries at the HPA's target (&gt; 0).</param>
    /// <param name="start">Event start (UTC).</param>
    /// <param name="end">Event end (UTC), after <paramref name="start"/>.</param>
    /// <param name="floor">The floor raised for the event (replicas), or null.</param>
    /// <param name="floorRaisedAt">When it was raised; the search for <see cref="MeasuredOutcome.FloorReadyAt"/> starts there.</param>
    /// <returns>The outcome, or null when there is no load sample in the window or no replica sample at or before the first one.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive load per replica, or end not after start.</exception>
    public static MeasuredOutcome? Measure(
        ForecastHistory load, ForecastHistory ready, double loadPerReplica, DateTimeOffset start, DateTimeOffset end, int? floor, DateTimeOffset? floorRaisedAt)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(ready);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(loadPerReplica);
        if (end <= start) throw new ArgumentOutOfRangeException(nameof(end), end, "end must be after start");

        var overloaded = 0.0;
        TimeSpan? toCapacity = null;
        var any = false;
        for (var i = 0; i < load.Count; i++)
        {
            var t = load.TimeAt(i);
            var value = load.Values[i];
            if (t < start || t >= end || !double.IsFinite(value)) continue;
            if (ReadyAt(ready, t) is not { } replicas)
            {
                if (!any) return null;
                continue;
            }

            any = true;
            if (value > replicas * loadPerReplica) overloaded += load.Step.TotalMinutes;
            else toCapacity ??= t - start;
        }

        if (!any) return null;
        return new MeasuredOutcome(overloaded, toCapacity ?? end - start, toCapacity is not null, FloorReady(ready, floor, floorRaisedAt ?? start, end));
    }

    private static double? ReadyAt(ForecastHistory ready, DateTimeOffset t)
    {
        double? last = null;
        for (var i = 0; i < ready.Count && ready.TimeAt(i) <= t; i++)
        {
            if (double.IsFinite(ready.Values[i])) last = ready.Values[i];
        }

        return last;
    }

    private static DateTimeOffset? FloorReady(ForecastHistory ready, int? floor, DateTimeOffset from, DateTimeOffset end)
    {
        if (floor is not { } f) return null;
        for (var i = 0; i < ready.Count; i++)
        {
            var t = ready.TimeAt(i);
            if (t >= from && t < end && ready.Values[i] >= f) return t;
        }

        return null;
    }
}
