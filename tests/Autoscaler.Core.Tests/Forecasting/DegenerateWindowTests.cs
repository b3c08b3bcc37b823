using Autoscaler.Core.Forecasting;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.Core.Tests.Forecasting;

/// <summary>
/// Every named forecaster on degenerate windows (issue 13, fault 1): short, constant, all-zero, all-NaN,
/// multi-day holes, long outage zeros, huge and tiny values. A forecast always comes back finite and ordered.
/// </summary>
public sealed class DegenerateWindowTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(60);

    public static TheoryData<string> Models() => [.. ForecasterCatalog.Names];

    [Theory]
    [MemberData(nameof(Models))]
    public void MultiDayHoleBeforeTheOriginStillForecasts(string model)
    {
        // 10 days of 1-minute data with a 3.5-day hole ending 20 hours before the origin (the wc98 recipe).
        const int day = 1440;
        var values = Synthetic.Generate(10 * day, i => 3000 + (2000 * Math.Sin(2 * Math.PI * i / day)) + (i % 7 * 30));
        Array.Fill(values, double.NaN, (5 * day) + 970, (7 * day / 2) + 20);
        var history = new ForecastHistory(Synthetic.Epoch, TimeSpan.FromMinutes(1), values);

        var forecast = Synthetic.Forecaster(model).Forecast(new ForecastRequest(history, 30));

        AssertSane(forecast, 30);
        Assert.InRange(forecast.P50[0], 500, 6000);
    }

    [Fact]
    public void DegenerateWindowsGiveFiniteOrderedForecastsFromEveryModel()
    {
        var gen =
            from shape in Gen.Elements("constant", "zero", "nan", "short", "hole", "outage-zeros", "huge", "tiny", "spike", "negative")
            from length in Gen.Choose(1, 6 * 48)
            from leads in Gen.Choose(1, 24)
            from seed in Gen.Choose(0, 10_000)
            from model in Gen.Elements(ForecasterCatalog.Names.ToArray())
            select (shape, length, leads, seed, model);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var random = new Random(c.seed);
            var n = c.shape == "short" ? 1 + (c.length % 5) : c.length;
            var values = Synthetic.Generate(n, i => c.shape switch
            {
                "constant" => 42,
                "zero" => 0,
                "nan" => double.NaN,
                "hole" => i > n / 5 && i < n * 4 / 5 ? double.NaN : 100 + (50 * Math.Sin(2 * Math.PI * i / 48)),
                "outage-zeros" => i > n / 3 && i < n * 2 / 3 ? 0 : 100 + random.Next(20),
                "huge" => 1e12 * (1 + random.NextDouble()),
                "tiny" => 1e-9 * random.NextDouble(),
                "spike" => i == n / 2 ? 1e9 : 5,
                "negative" => -100 + random.Next(10),
                _ => random.Next(100),
            });
            var history = new ForecastHistory(Synthetic.Epoch, TimeSpan.FromMinutes(30), values);

            var forecast = Synthetic.Forecaster(c.model).Forecast(new ForecastRequest(history, c.leads));

            AssertSane(forecast, c.leads);
        }).Check(Quick);
    }

    private static void AssertSane(ForecastResult forecast, int leads)
    {
        Assert.Equal(leads, forecast.P50.Count);
        for (var h = 0; h < leads; h++)
        {
            Assert.True(double.IsFinite(forecast.P10[h]) && double.IsFinite(forecast.P50[h]) && double.IsFinite(forecast.P90[h]), $"lead {h}: {forecast.P10[h]} {forecast.P50[h]} {forecast.P90[h]} ({forecast.Detail})");
            Assert.True(forecast.P10[h] <= forecast.P50[h] && forecast.P50[h] <= forecast.P90[h], $"lead {h} crosses ({forecast.Detail})");
        }
    }
}
