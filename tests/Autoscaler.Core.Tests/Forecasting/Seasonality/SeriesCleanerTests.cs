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
