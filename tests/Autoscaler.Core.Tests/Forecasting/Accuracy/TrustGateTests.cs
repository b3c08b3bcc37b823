using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Accuracy;

namespace Autoscaler.Core.Tests.Forecasting.Accuracy;

public sealed class TrustGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    // Daily shape plus a 3.7-day wave: neither persistence nor yesterday's value is exact.
    private static double Load(DateTimeOffset t)
    {
        var days = (t - Start).TotalDays;
        return 1000 + (300 * Math.Sin(2 * Math.PI * days)) + (200 * Math.Sin(2 * Math.PI * days / 3.7));
    }

    private static ForecastHistory History(TimeSpan length, Func<DateTimeOffset, double>? load = null) =>
        new(Start, Step, Enumerable.Range(0, (int)(length / Step)).Select(i => (load ?? Load)(Start + (Step * i))).ToArray());

    /// <summary>Knows the true load function; records the last training point it was given.</summary>
    private sealed class Oracle(Func<DateTimeOffset, double> load) : IForecaster
    {
        public List<(DateTimeOffset TrainEnd, DateTimeOffset FirstTarget)> Calls { get; } = [];

        public string Name => "oracle";

        public ForecastResult Forecast(ForecastRequest request)
        {
            var h = request.History;
            var first = h.TimeAt(h.Count);
            Calls.Add((h.TimeAt(h.Count - 1), first));
            var p50 = Enumerable.Range(0, request.LeadSteps).Select(k => load(first + (h.Step * k))).ToArray();
            return new ForecastResult(Name, first, h.Step, p50, p50, p50, "oracle");
        }
    }

    private sealed class Doubling : IForecaster
    {
        public string Name => "doubling";

        public ForecastResult Forecast(ForecastRequest request)
        {
            var h = request.History;
            var p50 = Enumerable.Repeat(h.Values[^1] * 2, request.LeadSteps).ToArray();
            return new ForecastResult(Name, h.TimeAt(h.Count), h.Step, p50, p50, p50, "doubling");
        }
    }

    [Fact]
    public void A_model_better_than_both_baselines_is_trusted_and_never_sees_the_actuals_it_is_scored_on()
    {
        var oracle = new Oracle(Load);

        var verdict = TrustGate.Evaluate(oracle, History(TimeSpan.FromDays(4)), TimeSpan.FromDays(2), TimeSpan.FromHours(1));

        Assert.Equal(TrustGate.MaxOrigins, verdict.Origins);
        Assert.Equal(0, verdict.ModelMape!.Value, 9);
        Assert.True(verdict.PersistenceMape > 0.01, verdict.Describe());
        Assert.True(verdict.SeasonalNaiveMape > 0.01, verdict.Describe());
        Assert.True(verdict.Trusted, verdict.Describe());
        Assert.All(oracle.Calls, c => Assert.True(c.TrainEnd < c.FirstTarget));
        Assert.All(oracle.Calls, c => Assert.True(c.FirstTarget >= Start + TimeSpan.FromDays(2), "origin outside the 2-day window"));
    }

    [Fact]
    public void A_model_worse_than_a_baseline_is_not_trusted()
    {
        var verdict = TrustGate.Evaluate(new Doubling(), History(TimeSpan.FromDays(4)), TimeSpan.FromDays(2), TimeSpan.FromHours(1));

        Assert.True(verdict.Origins >= TrustGate.MinOrigins);
        Assert.True(verdict.ModelMape > verdict.PersistenceMape, verdict.Describe());
        Assert.False(verdict.Trusted);
    }

    [Fact]
    public void Daily_seasonal_naive_does_not_beat_itself_so_it_is_not_trusted()
    {
        Assert.True(ForecasterCatalog.TryCreate("seasonal-naive:1d", out var model, out _));

        var verdict = TrustGate.Evaluate(model!, History(TimeSpan.FromDays(4)), TimeSpan.FromDays(2), TimeSpan.FromHours(1));

        Assert.Equal(verdict.SeasonalNaiveMape, verdict.ModelMape);
        Assert.False(verdict.Trusted, verdict.Describe());
    }

    [Fact]
    public void Less_than_a_day_and_a_horizon_of_history_scores_nothing_and_is_not_trusted()
    {
        var verdict = TrustGate.Evaluate(new Oracle(Load), History(TimeSpan.FromHours(24)), TimeSpan.FromDays(7), TimeSpan.FromHours(1));

        Assert.Equal(0, verdict.Origins);
        Assert.Null(verdict.ModelMape);
        Assert.False(verdict.Trusted);
        Assert.Contains("no origin", verdict.Describe(), StringComparison.Ordinal);
    }
}
