namespace Autoscaler.Core.Tests.Forecasting.Quantiles;

public sealed class QuantileCalibrationTests
{
    private const int Day = 24;
    private const double Sigma = 10;

    private static double[] NoisySeason(int seed) =>
        Synthetic.Generate(Day * 60, i => 1000 + (300 * Math.Sin(2 * Math.PI * i / Day))) is var y
            ? AddNoise(y, new Random(seed))
            : [];

    private static double[] AddNoise(double[] y, Random random)
    {
        for (var i = 0; i < y.Length; i++)
        {
            y[i] += Sigma * Synthetic.Gaussian(random);
        }

        return y;
    }

    [Fact]
    public void SeasonalNaiveQuantilesMatchTheKnownErrorDistribution()
    {
        // y_t − y_{t−24} is the difference of two N(0, σ²) draws: N(0, 2σ²), so p90 − p50 = 1.2816·√2·σ.
        var y = NoisySeason(seed: 7);
        var n = Day * 30;

        var forecast = Synthetic.Forecaster("seasonal-naive:1d").Forecast(new(Synthetic.History(y, n, TimeSpan.FromHours(1)), 6));

        var expected = 1.2816 * Math.Sqrt(2) * Sigma;
        for (var h = 0; h < 6; h++)
        {
            Assert.InRange(forecast.P90[h] - forecast.P50[h], 0.75 * expected, 1.25 * expected);
            Assert.InRange(forecast.P50[h] - forecast.P10[h], 0.75 * expected, 1.25 * expected);
        }
    }

    [Theory]
    [InlineData("seasonal-naive:1d")]
    [InlineData("auto")]
    public void P90CoversAboutNinetyPercentOfFreshOutcomes(string spec)
    {
        var y = NoisySeason(seed: 11);
        var forecaster = Synthetic.Forecaster(spec);
        int covered = 0, total = 0;
        for (var origin = Day * 20; origin < Day * 60 - 3; origin += 5)
        {
            var forecast = forecaster.Forecast(new(Synthetic.History(y, origin, TimeSpan.FromHours(1)), 3));
            for (var h = 0; h < 3; h++)
            {
                covered += y[origin + h] <= forecast.P90[h] ? 1 : 0;
                total++;
            }
        }

        Assert.InRange((double)covered / total, 0.84, 0.96);
    }
}
