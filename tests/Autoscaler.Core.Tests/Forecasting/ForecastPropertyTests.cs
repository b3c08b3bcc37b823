using Autoscaler.Core.Forecasting;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.Core.Tests.Forecasting;

/// <summary>Invariants of every forecaster on random load histories (FsCheck): gaps, outages, spikes included.</summary>
public sealed class ForecastPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(25);

    [Fact]
    public void QuantilesAreFiniteOrderedAndNonNegativeForLoad()
    {
        var gen =
            from days in Gen.Choose(2, 10)
            from level in Gen.Choose(0, 5000)
            from amplitude in Gen.Choose(0, 100)
            from seed in Gen.Choose(0, 10_000)
            from gapShare in Gen.Choose(0, 20)
            from leads in Gen.Choose(1, 12)
            from model in Gen.Elements("auto", "persistence", "seasonal-naive", "seasonal-profile", "holt-winters", "holt", "ssa")
            select (days, level, amplitude, seed, gapShare, leads, model);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            const int perDay = 48;
            var random = new Random(c.seed);
            var values = Synthetic.Generate(c.days * perDay, i =>
            {
                var roll = random.Next(100);
                return roll < c.gapShare ? double.NaN
                    : roll == 99 ? 0
                    : Math.Max(0, c.level * (1 + (c.amplitude / 100.0 * Math.Sin(2 * Math.PI * i / perDay))) * (0.8 + (0.4 * random.NextDouble())));
            });
            var history = new ForecastHistory(Synthetic.Epoch, TimeSpan.FromMinutes(30), values);

            var forecast = Synthetic.Forecaster(c.model).Forecast(new ForecastRequest(history, c.leads));

            return forecast.P50.Count == c.leads && Enumerable.Range(0, c.leads).All(h =>
                double.IsFinite(forecast.P10[h]) && double.IsFinite(forecast.P90[h])
                && forecast.P10[h] >= 0 && forecast.P10[h] <= forecast.P50[h] && forecast.P50[h] <= forecast.P90[h]);
        }).Check(Quick);
    }
}
