using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Tests.TimeSeries;

public sealed class SeriesTests
{
    private static readonly DateTime T0 = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Series Minutes(params double[] values) =>
        Series.Create(values.Select((_, i) => T0.AddMinutes(i)).ToArray(), values);

    [Fact]
    public void RejectsUnsortedOrLocalOrNonFinite()
    {
        Assert.Throws<ArgumentException>(() => Series.Create([T0.AddMinutes(1), T0], [1, 2]));
        Assert.Throws<ArgumentException>(() => Series.Create([T0, T0], [1, 2]));
        Assert.Throws<ArgumentException>(() => Series.Create([DateTime.SpecifyKind(T0, DateTimeKind.Local)], [1]));
        Assert.Throws<ArgumentException>(() => Series.Create([T0], [double.NaN]));
        Assert.Throws<ArgumentException>(() => Series.Create([T0], [1, 2]));
    }

    [Fact]
    public void IndexAtOrBeforeFindsTheBucketHoldingATime()
    {
        var s = Minutes(1, 2, 3);
        Assert.Equal(-1, s.IndexAtOrBefore(T0.AddSeconds(-1)));
        Assert.Equal(0, s.IndexAtOrBefore(T0));
        Assert.Equal(0, s.IndexAtOrBefore(T0.AddSeconds(59)));
        Assert.Equal(2, s.IndexAtOrBefore(T0.AddHours(1)));
    }

    [Fact]
    public void SliceIsHalfOpen()
    {
        var s = Minutes(1, 2, 3, 4).Slice(T0.AddMinutes(1), T0.AddMinutes(3));
        Assert.Equal([2d, 3], s.Values.ToArray());
        Assert.Equal(0, Minutes(1, 2).Slice(T0.AddHours(1), null).Count);
    }

    [Fact]
    public void GridInferencePicksTheDominantStep()
    {
        var times = new[] { 0, 5, 10, 15, 30, 35, 37 }.Select(m => T0.AddMinutes(m)).ToArray();
        Assert.Equal(TimeSpan.FromMinutes(5), GridInference.InferInterval(times));
        Assert.Null(GridInference.InferInterval(times.AsSpan(0, 1)));
    }

    [Fact]
    public void InspectCountsGapsAndOffGridSteps()
    {
        var times = new[] { 0, 5, 10, 25, 30, 32 }.Select(m => T0.AddMinutes(m)).ToArray();
        var report = SeriesAssembler.Inspect(Series.Create(times, new double[times.Length]));
        Assert.Equal(1, report.GapCount); // 10→25 misses 15 and 20; 30→32 is short and off-grid
        Assert.Equal(2, report.MissingPoints);
        Assert.Equal(1, report.OffGridCount);
        Assert.Contains("gap", report.Describe(), StringComparison.Ordinal);
    }
}
