using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Simulator.Backtest;

/// <summary>A trace laid on its own grid (the dominant interval); NaN where a bucket is missing.</summary>
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

    /// <summary>Off-grid samples go to the nearest grid point; the later sample wins a collision.</summary>
    public static RegularGrid FromSeries(Series series)
    {
        var step = GridInference.InferInterval(series) ?? TimeSpan.FromMinutes(1);
        var start = new DateTimeOffset(series.Start, TimeSpan.Zero);
        var count = (int)Math.Round((series.End - series.Start) / step) + 1;
        var values = new double[count];
        Array.Fill(values, double.NaN);
        var times = series.Times;
        var raw = series.Values;
        for (var i = 0; i < times.Length; i++)
        {
            var index = (int)Math.Round((times[i] - series.Start) / step);
            values[Math.Clamp(index, 0, count - 1)] = raw[i];
        }

        return new RegularGrid(start, step, values);
    }
}
