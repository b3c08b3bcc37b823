using Autoscaler.Core.Forecasting.Seasonality;

namespace Autoscaler.Core.Tests.Forecasting.Seasonality;

public sealed class SeasonalityDetectorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(60)]
    public void FindsTheDailyCycleAtEveryResolution(int stepMinutes)
    {
        var day = 1440 / stepMinutes;
        var random = new Random(1);
        var y = Synthetic.Generate(day * 21, i => 100 + (0.5 * i / day) + (30 * Math.Sin(2 * Math.PI * i / day)) + (5 * Synthetic.Gaussian(random)));

        Assert.Equal(day, SeasonalityDetector.Detect(y, day, day * 7));
    }

    [Fact]
    public void FindsTheWeeklyCycleWhenWeekendsDiffer()
    {
        const int day = 48;
        var random = new Random(2);
        var y = Synthetic.Generate(day * 35, i => ((i / day) % 7 >= 5 ? 40 : 100) * (1 + (0.5 * Math.Sin(2 * Math.PI * i / day))) + Synthetic.Gaussian(random));

        Assert.Equal(day * 7, SeasonalityDetector.Detect(y, day, day * 7));
    }

    [Fact]
    public void NoiseAndTrendHaveNoSeason()
    {
        const int day = 24;
        var random = new Random(3);
        var y = Synthetic.Generate(day * 30, i => (3.0 * i) + (10 * Synthetic.Gaussian(random)));

        Assert.Equal(0, SeasonalityDetector.Detect(y, day, day * 7));
    }
}
