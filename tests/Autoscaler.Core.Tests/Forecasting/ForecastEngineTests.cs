using Autoscaler.Core.Forecasting;

namespace Autoscaler.Core.Tests.Forecasting;

public sealed class ForecastEngineTests
{
    private static double[] Weekly(int seed)
    {
        var random = new Random(seed);
        return Synthetic.Generate(48 * 40, i => (((i / 48) % 7) >= 5 ? 60 : 100) * (1 + (0.4 * Math.Sin(2 * Math.PI * i / 48))) + (3 * Synthetic.Gaussian(random)));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("persistence")]
    [InlineData("seasonal-naive")]
    [InlineData("seasonal-profile")]
    [InlineData("holt-winters")]
    [InlineData("ssa")]
    public void SameRequestGivesTheSameForecastAndOrderedQuantiles(string spec)
    {
        var y = Weekly(5);
        var request = new ForecastRequest(Synthetic.History(y, 48 * 30, TimeSpan.FromMinutes(30)), 4);
        var forecaster = Synthetic.Forecaster(spec);

        var first = forecaster.Forecast(request);
        var second = forecaster.Forecast(request);

        Assert.Equal(first.P50, second.P50);
        Assert.Equal(first.P90, second.P90);
        for (var h = 0; h < 4; h++)
        {
            Assert.True(first.P10[h] <= first.P50[h] && first.P50[h] <= first.P90[h]);
            Assert.True(first.P10[h] >= 0, "load forecasts are floored at zero");
        }

        Assert.Equal(Synthetic.Epoch + (TimeSpan.FromMinutes(30) * (48 * 30)), first.FirstTarget);
    }

    [Fact]
    public void AutoBeatsPersistenceOnASeasonalSeries()
    {
        var y = Weekly(6);
        double auto = 0, persistence = 0;
        var forecasters = new[] { Synthetic.Forecaster("auto"), Synthetic.Forecaster("persistence") };
        for (var origin = 48 * 28; origin < (48 * 40) - 2; origin += 7)
        {
            var request = new ForecastRequest(Synthetic.History(y, origin, TimeSpan.FromMinutes(30)), 2);
            auto += Math.Abs(forecasters[0].Forecast(request).P50[1] - y[origin + 1]);
            persistence += Math.Abs(forecasters[1].Forecast(request).P50[1] - y[origin + 1]);
        }

        Assert.True(auto < 0.8 * persistence, $"auto {auto} vs persistence {persistence}");
    }

    [Fact]
    public void LevelShiftIsFollowedAtOnce()
    {
        var y = Synthetic.Generate(24 * 30, i => (i >= 24 * 20 ? 300 : 100) + (20 * Math.Sin(2 * Math.PI * i / 24)));
        var origin = (24 * 20) + 6;

        var forecast = Synthetic.Forecaster("auto").Forecast(new(Synthetic.History(y, origin, TimeSpan.FromHours(1)), 3));

        for (var h = 0; h < 3; h++)
        {
            Assert.True(Math.Abs(forecast.P50[h] - y[origin + h]) < 30, $"{forecast.P50[h]} vs {y[origin + h]}: {forecast.Detail}");
        }
    }

    [Fact]
    public void UnknownModelsAndBadPeriodsAreRejectedWithAReason()
    {
        Assert.False(ForecasterCatalog.TryCreate("prophet", out _, out var unknown));
        Assert.Contains("unknown model 'prophet'", unknown, StringComparison.Ordinal);
        Assert.False(ForecasterCatalog.TryCreate("ssa:1d", out _, out var period));
        Assert.Contains("only seasonal-naive takes a period", period, StringComparison.Ordinal);
    }
}
