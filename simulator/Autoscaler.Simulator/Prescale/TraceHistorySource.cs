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
        var first = new DateTimeOffset(Ceiling(from.UtcTicks), TimeSpan.Zero);
        var cutoff = to - metricDelay;
        // A minute's sample is known once the minute has ended (it is the total over that minute).
        var count = (int)Math.Max(0, Math.Floor((cutoff - first - Step) / Step) + 1);
        if (count == 0) return ValueTask.FromResult<ForecastHistory?>(null);
        var values = new double[count];
        var ticks = trace.Ticks;
        var index = Array.BinarySearch(ticks, first.UtcTicks);
        index = index >= 0 ? index : ~index - 1;
        for (var i = 0; i < count; i++)
        {
            var t = first.UtcTicks + (i * Step.Ticks);
            while (index + 1 < ticks.Length && ticks[index + 1] <= t) index++;
            values[i] = index < 0 ? double.NaN : trace.Values[index];
        }

        var last = first + (Step * (count - 1));
        if (LatestServed is null || last > LatestServed.Value.Sample) LatestServed = (last, to);
        return ValueTask.FromResult<ForecastHistory?>(new ForecastHistory(first, Step, values));
    }

    private static long Ceiling(long ticks) => (ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute;
}
