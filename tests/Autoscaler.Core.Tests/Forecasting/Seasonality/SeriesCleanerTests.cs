using Autoscaler.Core.Forecasting.Seasonality;

namespace Autoscaler.Core.Tests.Forecasting.Seasonality;

public sealed class SeriesCleanerTests
{
    [Fact]
    public void RareZerosAreOutagesAndGapsAreFilledFromTheDayBefore()
    {
        const int day = 24;
        var y = Synthetic.Generate(day * 10, i => 100 + (50 * Math.Sin(2 * Math.PI * i / day)));
        var raw = (double[])y.Clone();
        raw[day * 5] = 0;
        raw[(day * 5) + 1] = 0;
        for (var i = day * 7; i < (day * 7) + 6; i++)
        {
            raw[i] = double.NaN;
        }

        var clean = SeriesCleaner.Clean(raw, day, out var nonNegative);

        Assert.True(nonNegative);
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(y[i], clean[i], 6);
        }
    }

    [Fact]
    public void FrequentZerosAreKeptAsRealLoad()
    {
        var raw = Synthetic.Generate(200, i => i % 10 == 0 ? 0 : 5);

        var clean = SeriesCleaner.Clean(raw, 24, out _);

        Assert.Equal(20, clean.Count(v => v == 0));
    }
}

/// <summary>Gaps longer than a day and outages recorded as zeros (issue 13, fault 1).</summary>
public sealed class SeriesCleanerLongGapTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(24 + 1)]
    [InlineData(84)]
    public void AGapLongerThanADayRepeatsTheDayAndMeetsBothEnds(int gapHours)
    {
        const int day = 24;
        var y = Synthetic.Generate(day * 10, i => 100 + (50 * Math.Sin(2 * Math.PI * i / day)));
        var raw = (double[])y.Clone();
        Array.Fill(raw, double.NaN, (day * 4) + 5, gapHours);

        var clean = SeriesCleaner.Clean(raw, day, out _);

        // A pure daily pattern is restored exactly, however long the hole.
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(y[i], clean[i], 6);
        }
    }

    [Fact]
    public void AHoleReachingTheEndHoldsTheLastDayAtTheLastLevel()
    {
        const int day = 24;
        var raw = Synthetic.Generate(day * 6, i => i >= day * 3 ? double.NaN : 100 + (i % day));

        var clean = SeriesCleaner.Clean(raw, day, out _);

        Assert.All(clean, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(100 + (day - 1), clean[^1], 6);
    }

    [Fact]
    public void ALongRunOfOutageZerosBetweenBusyNeighboursIsFilled()
    {
        const int day = 24;
        var y = Synthetic.Generate(day * 8, i => 100 + (50 * Math.Sin(2 * Math.PI * i / day)));
        var raw = (double[])y.Clone();
        Array.Fill(raw, 0, day * 4, day * 2); // 25 % zeros: too many to be "rare", but an outage all the same

        var clean = SeriesCleaner.Clean(raw, day, out _);

        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(y[i], clean[i], 6);
        }
    }

    [Fact]
    public void ZerosAnIdleServiceRampsDownToAreKept()
    {
        // Nightly idle: load falls to a trickle, then zero for hours, then climbs back.
        const int day = 24;
        var raw = Synthetic.Generate(day * 4, i => (i % day) is < 6 ? 0 : (i % day) is 6 or 23 ? 2 : 100);

        var clean = SeriesCleaner.Clean(raw, day, out _);

        Assert.Equal(raw, clean);
    }

    [Fact]
    public void NonFiniteSamplesAreGapsAndAnEmptyHistoryIsZero()
    {
        var clean = SeriesCleaner.Clean([1, double.PositiveInfinity, 3], 0, out _);
        Assert.Equal([1, 2, 3], clean);
        Assert.Equal([0, 0], SeriesCleaner.Clean([double.NaN, double.NegativeInfinity], 24, out _));
    }
}
