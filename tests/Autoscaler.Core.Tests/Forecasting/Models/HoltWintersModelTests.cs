namespace Autoscaler.Core.Tests.Forecasting.Models;

public sealed class HoltWintersModelTests
{
    [Fact]
    public void HoltRecoversTheSlopeOfALinearTrend()
    {
        var y = Synthetic.Generate(24 * 20, i => 50 + (2.0 * i));
        var n = 24 * 15;

        var forecast = Synthetic.Forecaster("holt").Forecast(new(Synthetic.History(y, n, TimeSpan.FromHours(1)), 6));

        Assert.Equal(y[n], forecast.P50[0], 1);
        for (var h = 1; h < 6; h++)
        {
            Assert.InRange(forecast.P50[h] - forecast.P50[h - 1], 1.9, 2.1);
        }
    }

    [Theory]
    [InlineData("holt-winters-additive")]
    [InlineData("holt-winters-multiplicative")]
    public void SeasonalFormsFollowTrendAndSeason(string spec)
    {
        const int day = 24;
        var multiplicative = spec.EndsWith("multiplicative", StringComparison.Ordinal);
        var y = Synthetic.Generate(day * 20, i => multiplicative
            ? (1000 + (3.0 * i)) * (1 + (0.3 * Math.Sin(2 * Math.PI * i / day)))
            : 1000 + (3.0 * i) + (300 * Math.Sin(2 * Math.PI * i / day)));
        var n = day * 15;

        var forecast = Synthetic.Forecaster(spec).Forecast(new(Synthetic.History(y, n, TimeSpan.FromHours(1)), day));

        var meanAbsoluteError = Enumerable.Range(0, day).Average(h => Math.Abs(forecast.P50[h] - y[n + h]));
        var seasonalNaiveError = Enumerable.Range(0, day).Average(h => Math.Abs(y[n + h - day] - y[n + h]));
        Assert.True(meanAbsoluteError < seasonalNaiveError, $"{spec}: MAE {meanAbsoluteError} vs seasonal naive {seasonalNaiveError}");
    }
}
