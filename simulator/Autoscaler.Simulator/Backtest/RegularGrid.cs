using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Simulator.Backtest;

/// <summary>
/// A trace laid on its own grid (the dominant interval) by Core's <see cref="SeriesResampler.ToGridValues"/>;
/// NaN where a bucket is missing. This type only adds the index arithmetic the backtest needs.
/// </summary>
internal sealed class RegularGrid
{
    private RegularGrid(DateTimeOffset start, TimeSpan step, double[] values)
    {
        Start = start;
        Step = step;
        Values = values;
    }

    public DateTimeOffset Start { get; }

    public TimeSpan Step { get; }

    public double[] Values { get; }

    public int Count => Values.Length;

    public DateTimeOffset TimeAt(int index) => Start + (Step * index);

    /// <summary>Index of the first grid point at or after <paramref name="time"/>.</summary>
    public int CeilingIndex(DateTimeOffset time) => (int)Math.Ceiling((time - Start) / Step);

    /// <summary>Index of the last grid point at or before <paramref name="time"/>.</summary>
    public int FloorIndex(DateTimeOffset time) => (int)Math.Floor((time - Start) / Step);

    /// <summary>The series on the grid of its dominant interval (1 minute when none can be inferred).</summary>
    public static RegularGrid FromSeries(Series series)
    {
        var step = GridInference.InferInterval(series) ?? TimeSpan.FromMinutes(1);
        return new RegularGrid(new DateTimeOffset(series.Start, TimeSpan.Zero), step, SeriesResampler.ToGridValues(series, step));
    }
}
