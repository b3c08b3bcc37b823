using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.Forecasting.Models;
using Autoscaler.Core.Forecasting.Selection;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.Core.Tests.Forecasting.Selection;

/// <summary>Issue 13, fault 3: a blend never scores worse than the naive baselines on the backtest it was chosen on.</summary>
public sealed class NaiveShrinkageTests
{
    private static readonly IReadOnlySet<string> Baselines = new HashSet<string> { PersistenceModel.ModelName, "seasonal-naive:1d" };

    [Fact]
    public void OnAnyHistoryTheShrunkBlendScoresNoWorseThanTheBestNaiveAtEveryLead()
    {
        var gen =
            from seed in Gen.Choose(0, 100_000)
            from noise in Gen.Choose(0, 100)
            from walk in Gen.Elements(true, false)
            from leads in Gen.Choose(1, 12)
            select (seed, noise, walk, leads);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            const int day = 48;
            var random = new Random(c.seed);
            var level = 1000.0;
            var values = Synthetic.Generate(6 * day, i =>
            {
                level = c.walk ? Math.Max(1, level + (c.noise * Synthetic.Gaussian(random))) : 1000;
                return level + (300 * Math.Sin(2 * Math.PI * i / day)) + (c.noise * 3 * Synthetic.Gaussian(random));
            });
            var context = new SeriesContext(values, TimeSpan.FromMinutes(30), day, true, values.Length - (2 * day));
            IPointModel[] candidates =
            [
                new PersistenceModel(), new SeasonalNaiveModel(TimeSpan.FromDays(1), "seasonal-naive:1d"),
                new SeasonalProfileModel(TimeSpan.FromDays(1), 3, false, "profile"), new HoltWintersModel(HoltWintersSeasonality.Additive, false, "holt"),
            ];
            var fitted = candidates.Select(m => m.Fit(context)).OfType<IFittedModel>().ToList();
            var evaluation = RollingEvaluation.Run(context, fitted, c.leads, 168);
            var weights = BlendSelector.Choose(evaluation.Scores, c.leads);

            var shrunk = NaiveShrinkage.Apply(evaluation, fitted.Select(f => f.Name).ToList(), Baselines, weights, out _);

            for (var h = 0; h < c.leads; h++)
            {
                var bestNaive = Math.Min(evaluation.Scores[0][h], evaluation.Scores[1][h]);
                Assert.True(evaluation.ScoreOf(shrunk[h], h) <= bestNaive + 1e-9, $"lead {h}: {evaluation.ScoreOf(shrunk[h], h)} > {bestNaive}");
                Assert.Equal(1.0, shrunk[h].Sum(), 9);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void ABlendThatLosesToPersistenceBecomesPersistence()
    {
        // A random walk: nothing beats the last value, but a biased copy of it is close enough to be blended in.
        var random = new Random(5);
        var level = 1000.0;
        var values = Synthetic.Generate(6 * 48, _ => level = Math.Max(1, level + (20 * Synthetic.Gaussian(random))));
        var request = new ForecastRequest(new ForecastHistory(Synthetic.Epoch, TimeSpan.FromMinutes(30), values), 3);
        IPointModel[] candidates = [new PersistenceModel(), new Biased()];

        var plain = new ForecastEngine("t", candidates, EventUpliftOptions.Default).Forecast(request);
        var guarded = new ForecastEngine("t", candidates, EventUpliftOptions.Default, new HashSet<string> { PersistenceModel.ModelName }).Forecast(request);
        var persistence = new ForecastEngine("t", [new PersistenceModel()], EventUpliftOptions.Default).Forecast(request);

        Assert.Contains("biased", plain.Detail, StringComparison.Ordinal); // without the guard the worse model is blended in
        Assert.NotEqual(persistence.P50, plain.P50);
        Assert.Contains("shrunk toward naive at 3/3 leads", guarded.Detail, StringComparison.Ordinal);
        Assert.Equal(persistence.P50[0], guarded.P50[0]); // no skill at all: persistence alone
        for (var h = 0; h < 3; h++)
        {
            Assert.True(Math.Abs(guarded.P50[h] - persistence.P50[h]) <= Math.Abs(plain.P50[h] - persistence.P50[h]) + 1e-9, $"lead {h}");
        }
    }

    private sealed class Biased : IPointModel
    {
        public string Name => "biased";

        public IFittedModel? Fit(SeriesContext context) => new Fitted(context.Values);

        private sealed class Fitted(double[] values) : IFittedModel
        {
            public string Name => "biased";

            public int MinOrigin => 1;

            public void Forecast(int origin, Span<double> output) => output.Fill(values[origin - 1] + 12);
        }
    }
}
