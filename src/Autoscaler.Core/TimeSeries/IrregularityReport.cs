namespace Autoscaler.Core.TimeSeries;

/// <summary>
/// What was irregular about a series: gaps, duplicate or out-of-order timestamps, points off the grid.
/// Returned as a value, never thrown: irregular real traces are normal and the caller decides what to do.
/// </summary>
public sealed record IrregularityReport
{
    /// <summary>How many gaps <see cref="Gaps"/> lists at most; <see cref="GapCount"/> counts all of them.</summary>
    public const int MaxListedGaps = 50;

    /// <summary>The dominant interval, or null for fewer than two distinct timestamps.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Number of points in the cleaned series.</summary>
    public int PointCount { get; init; }

    /// <summary>Number of gaps (an interval longer than <see cref="Interval"/>).</summary>
    public int GapCount { get; init; }

    /// <summary>Total number of grid points missing across all gaps.</summary>
    public long MissingPoints { get; init; }

    /// <summary>The first <see cref="MaxListedGaps"/> gaps, in time order.</summary>
    public IReadOnlyList<SeriesGap> Gaps { get; init; } = [];

    /// <summary>Raw points dropped because another point had the same timestamp (the later line wins).</summary>
    public int DuplicateCount { get; init; }

    /// <summary>Raw points that came earlier in the input than a point with a later timestamp.</summary>
    public int OutOfOrderCount { get; init; }

    /// <summary>Intervals that are not a whole multiple of <see cref="Interval"/>.</summary>
    public int OffGridCount { get; init; }

    /// <summary>True when nothing irregular was found.</summary>
    public bool IsRegular => GapCount == 0 && DuplicateCount == 0 && OutOfOrderCount == 0 && OffGridCount == 0;

    /// <summary>One line a person can read, e.g. "1-minute grid, 3 gaps (12 missing points), 1 duplicate".</summary>
    public string Describe()
    {
        var grid = Interval is { } i ? $"{DurationParser.Format(i)} grid" : "no grid";
        if (IsRegular)
        {
            return $"{PointCount} points, regular {grid}";
        }

        var parts = new List<string> { $"{PointCount} points on a {grid}" };
        if (GapCount > 0) parts.Add($"{GapCount} gap(s), {MissingPoints} missing point(s)");
        if (DuplicateCount > 0) parts.Add($"{DuplicateCount} duplicate timestamp(s), later line kept");
        if (OutOfOrderCount > 0) parts.Add($"{OutOfOrderCount} out-of-order line(s), sorted");
        if (OffGridCount > 0) parts.Add($"{OffGridCount} off-grid interval(s)");
        return string.Join("; ", parts);
    }
}
