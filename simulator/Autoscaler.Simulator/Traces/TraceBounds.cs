using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Traces;

/// <summary>
/// The limits a trace must stay within before any verb replays or backtests it (issue #15, found by fuzzing): a
/// mistyped year (6020 for 2020) or a 10^9-second step used to overflow <see cref="DateTime"/> arithmetic
/// (an unhandled <see cref="ArgumentOutOfRangeException"/>) or ask the engine for billions of HPA syncs or grid points.
/// A trace starting in year 1 made the engine's look-back windows underflow. Every check is on the whole trace, so its error names the first and last timestamps rather than a line.
/// </summary>
internal static class TraceBounds
{
    /// <summary>Longest trace replayed, from the first timestamp to the end of the last bucket: 10 years.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(3653);

    /// <summary>Most buckets of the trace's own grid (span / bucket); 10,000,000 is 19 years of minutes or 115 days of seconds.</summary>
    public const long MaxBuckets = 10_000_000;

    /// <summary>Largest demand per minute after normalisation (and after a scenario's valueScale): beyond it no metric fits an HPA quantity.</summary>
    public const double MaxDemandPerMinute = 1e15; // written "1e15" in the error message

    /// <summary>The problem with <paramref name="series"/> on buckets of <paramref name="interval"/>, or null when it is within bounds.</summary>
    public static InputError? Check(string source, Series series, TimeSpan interval)
    {
        if (series.Start < DateTime.UnixEpoch)
        {
            return new InputError(source, 0, "timestamp", $"the trace starts at {series.Start:O}, before the Unix epoch (1970-01-01T00:00:00Z): is a year mistyped?");
        }

        var span = series.End - series.Start;
        var room = DateTime.MaxValue - series.End;
        if (interval > MaxSpan || span > MaxSpan - interval || interval > room)
        {
            return new InputError(source, 0, "timestamp", $"the trace runs from {series.Start:O} to {series.End:O} in {DurationParser.Format(interval)} buckets: longer than the {MaxSpan.TotalDays:0} days replayed (is a year mistyped?)");
        }

        if (span.Ticks / interval.Ticks >= MaxBuckets)
        {
            return new InputError(source, 0, "timestamp", $"{DurationParser.Format(interval)} buckets from {series.Start:O} to {series.End:O} make {span.Ticks / interval.Ticks + 1:N0} grid points; at most {MaxBuckets:N0} (use coarser buckets or a shorter range)");
        }

        return null;
    }

    /// <summary>The problem with demand per minute <paramref name="perMinute"/> multiplied by <paramref name="scale"/>, or null.</summary>
    public static InputError? CheckDemand(string source, Series perMinute, double scale, string what)
    {
        var values = perMinute.Values;
        for (var i = 0; i < values.Length; i++)
        {
            var demand = Math.Abs(values[i] * scale);
            if (!(demand <= MaxDemandPerMinute))
            {
                return new InputError(source, 0, "value", $"the value at {perMinute.Times[i]:O} is {demand:G4} per minute {what}; at most 1e15");
            }
        }

        return null;
    }
}
