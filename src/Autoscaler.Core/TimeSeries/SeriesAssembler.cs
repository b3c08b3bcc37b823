namespace Autoscaler.Core.TimeSeries;

/// <summary>
/// Turns raw observations (any order, possibly repeated timestamps) into a <see cref="Series"/> and an
/// <see cref="IrregularityReport"/>. Nothing here throws on irregular data; irregularity is reported.
/// </summary>
public static class SeriesAssembler
{
    /// <summary>
    /// Sorts the points by time (stable, so input order breaks ties), keeps the last of each group of equal
    /// timestamps (a re-sent bucket supersedes the first), and reports what it found.
    /// Points must have UTC timestamps and finite values.
    /// </summary>
    public static AssembledSeries Assemble(IReadOnlyList<TimedValue> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var outOfOrder = 0;
        var latest = DateTime.MinValue;
        var order = new int[raw.Count];
        for (var i = 0; i < raw.Count; i++)
        {
            order[i] = i;
            if (raw[i].Time < latest) outOfOrder++;
            else latest = raw[i].Time;
        }

        if (outOfOrder > 0)
        {
            // Index as the secondary key makes the sort stable.
            Array.Sort(order, (a, b) => raw[a].Time != raw[b].Time ? raw[a].Time.CompareTo(raw[b].Time) : a.CompareTo(b));
        }

        var times = new List<DateTime>(raw.Count);
        var values = new List<double>(raw.Count);
        var duplicates = 0;
        foreach (var index in order)
        {
            var point = raw[index];
            if (times.Count > 0 && times[^1] == point.Time)
            {
                values[^1] = point.Value;
                duplicates++;
                continue;
            }

            times.Add(point.Time);
            values.Add(point.Value);
        }

        var series = Series.Create(times.ToArray(), values.ToArray());
        var report = Inspect(series) with { DuplicateCount = duplicates, OutOfOrderCount = outOfOrder };
        return new AssembledSeries(series, report);
    }

    /// <summary>Reports the grid, the gaps and the off-grid intervals of an already clean series.</summary>
    public static IrregularityReport Inspect(Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var interval = GridInference.InferInterval(series);
        var gaps = new List<SeriesGap>();
        var gapCount = 0;
        var missing = 0L;
        var offGrid = 0;
        if (interval is { } grid)
        {
            var times = series.Times;
            for (var i = 1; i < times.Length; i++)
            {
                var step = (times[i] - times[i - 1]).Ticks;
                if (step % grid.Ticks != 0) offGrid++;
                if (step <= grid.Ticks) continue;

                // Points that would fit strictly between the two, on the grid that starts at the earlier one.
                var absent = (step - 1) / grid.Ticks;
                if (absent == 0) continue;
                gapCount++;
                missing += absent;
                if (gaps.Count < IrregularityReport.MaxListedGaps) gaps.Add(new SeriesGap(times[i - 1], times[i], absent));
            }
        }

        return new IrregularityReport
        {
            Interval = interval,
            PointCount = series.Count,
            GapCount = gapCount,
            MissingPoints = missing,
            Gaps = gaps,
            OffGridCount = offGrid,
        };
    }
}
