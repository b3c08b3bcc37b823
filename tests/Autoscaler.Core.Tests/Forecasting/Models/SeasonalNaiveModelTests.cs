namespace Autoscaler.Core.Tests.Forecasting.Models;

public sealed class SeasonalNaiveModelTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(5)]
    [InlineData(30)]
    public void PureSeasonalSineIsForecastExactly(int stepMinutes)
    {
        var step = TimeSpan.FromMinutes(stepMinutes);
        var perDay = (int)(TimeSpan.FromDays(1) / step);
        var y = Synthetic.Generate(perDay * 20, i => 500 + (200 * Math.Sin(2 * Math.PI * i / perDay)));
        var n = perDay * 14;
        var leads = perDay / 3;

        var forecast = Synthetic.Forecaster("seasonal-naive").Forecast(new(Synthetic.History(y, n, step), leads));

        for (var h = 0; h < leads; h++)
        {
            Assert.Equal(y[n + h], forecast.P50[h], 6);
            Assert.Equal(y[n + h], forecast.P90[h], 6);
        }
    }

    [Fact]
    public void FixedPeriodUsesTheValueOnePeriodBefore()
    {
        var step = TimeSpan.FromHours(1);
        var y = Synthetic.Generate(24 * 20, i => i % 24 == 5 ? 900 : 100 + i);
        var n = 24 * 15;

        var forecast = Synthetic.Forecaster("seasonal-naive:1d").Forecast(new(Synthetic.History(y, n, step), 24));

        // Calibration adds a constant offset per lead; the shape one day earlier must come through.
        var spike = Enumerable.Range(0, 24).MaxBy(h => forecast.P50[h]);
        Assert.Equal(5, (n + spike) % 24);
    }
}
