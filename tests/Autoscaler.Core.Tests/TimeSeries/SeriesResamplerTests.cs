using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Tests.TimeSeries;

public sealed class SeriesResamplerTests
{
    private static readonly DateTime T0 = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Series At(params (int Minute, double Value)[] points) =>
        Series.Create(points.Select(p => T0.AddMinutes(p.Minute)).ToArray(), points.Select(p => p.Value).ToArray());

    [Theory]
    [InlineData(GapFill.Hold, 4)]
    [InlineData(GapFill.Zero, 0)]
    [InlineData(GapFill.Linear, 6)]
    public void FillsMissingGridPoints(GapFill fill, double expectedAtMinute2)
    {
        var regular = SeriesResampler.ToRegularGrid(At((0, 2), (1, 4), (3, 8)), TimeSpan.FromMinutes(1), fill);
        Assert.Equal(4, regular.Count);
        Assert.Equal(expectedAtMinute2, regular.Values[2]);
        Assert.Equal(8, regular.Values[3]);
    }

    [Fact]
    public void ToRateDividesBucketTotals()
    {
        var perMinute = SeriesResampler.ToRate(At((0, 500), (5, 250)), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));
        Assert.Equal([100d, 50], perMinute.Values.ToArray());
    }

    [Theory]
    [InlineData(Aggregation.Sum, 6, 9)]
    [InlineData(Aggregation.Mean, 2, 4.5)]
    [InlineData(Aggregation.Max, 3, 5)]
    public void AggregatesIntoAlignedBuckets(Aggregation how, double first, double second)
    {
        var hourly = SeriesResampler.Aggregate(At((0, 1), (20, 2), (40, 3), (60, 4), (90, 5)), TimeSpan.FromHours(1), how);
        Assert.Equal([T0, T0.AddHours(1)], hourly.Times.ToArray());
        Assert.Equal([first, second], hourly.Values.ToArray());
    }
}
