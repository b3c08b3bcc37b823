using Autoscaler.Core.Control;
using Autoscaler.Core.Forecasting;
using Autoscaler.Simulator.Engine;

namespace Autoscaler.Simulator.Prescale;

/// <summary>
/// The replayed trace as the planner's history: demand per minute on a one-minute grid, only for minutes that
/// were observable before <c>to − metric delay</c> (the same delay the HPA sees). It never returns a point at or
/// after <c>to</c>; <see cref="LatestServed"/> lets a test prove it.
/// </summary>
internal sealed class TraceHistorySource(DemandTrace trace, TimeSpan metricDelay) : IHistorySource
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    /// <summary>The latest sample time ever returned, and the 'to' it was returned for.</summary>
    public (DateTimeOffset Sample, DateTimeOffset To)? LatestServed { get; private set; }

    public ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Core's grid, as the controller's: a row stands for the minute that begins at it, known after the metric delay.
        var grid = HistoryGrid.Covering(from, to, Step, metricDelay);
        if (grid.Count == 0) return ValueTask.FromResult<ForecastHistory?>(null);
        var values = new double[grid.Count];
        var ticks = trace.Ticks;
        var index = Array.BinarySearch(ticks, grid.Start.UtcTicks);
        index = index >= 0 ? index : ~index - 1;
        for (var i = 0; i < grid.Count; i++)
        {
            var t = grid.TimeAt(i).UtcTicks;
            while (index + 1 < ticks.Length && ticks[index + 1] <= t) index++;
            values[i] = index < 0 ? double.NaN : trace.Values[index];
        }

        if (LatestServed is null || grid.Last > LatestServed.Value.Sample) LatestServed = (grid.Last, to);
        return ValueTask.FromResult<ForecastHistory?>(grid.With(values));
    }
}
