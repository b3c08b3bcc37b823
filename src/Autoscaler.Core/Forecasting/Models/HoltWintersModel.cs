using Autoscaler.Core.Forecasting.Numerics;

namespace Autoscaler.Core.Forecasting.Models;

/// <summary>Seasonal form of Holt–Winters; <see cref="Auto"/> fits both and keeps the lower one-step error.</summary>
internal enum HoltWintersSeasonality
{
    Additive,
    Multiplicative,
    Auto,
}

/// <summary>
/// Holt–Winters with a damped trend over the detected season, at most daily (damped Holt without a season,
/// or when asked for the local trend alone). Smoothing
/// parameters minimise the one-step squared error (Nelder–Mead) over a window that starts two seasons
/// before the first internal backtest origin, so every origin is forecast from a filtered state.
/// </summary>
internal sealed class HoltWintersModel(HoltWintersSeasonality seasonality, bool seasonal, string name) : IPointModel
{
    private const int MaxEvaluations = 50;

    public string Name => name;

    public IFittedModel? Fit(SeriesContext context)
    {
        // A weekly season of minute data would be 10,080 seasonal states fed once a week; Holt–Winters
        // keeps to the daily cycle (the weekly one is the seasonal profile's job).
        var m = !seasonal || context.SeasonPeriod == 0 ? 1 : Math.Max(1, Math.Min(context.SeasonPeriod, context.DayPeriod));
        var start = Math.Max(0, context.EvaluationStart - (2 * m));
        if (context.Count - start < (2 * m) + 2)
        {
            return null;
        }

        var window = context.Values.AsSpan(start).ToArray();
        var positive = window.All(v => v > 0);
        HoltWintersFilter? best = null;
        foreach (var multiplicative in new[] { false, true })
        {
            var wanted = seasonality == HoltWintersSeasonality.Auto
                || (seasonality == HoltWintersSeasonality.Multiplicative) == multiplicative;
            if (!wanted || (multiplicative && (!positive || m == 1)))
            {
                continue;
            }

            var candidate = FitOne(window, m, multiplicative, context.DayPeriod);
            if (best is null || candidate.SumSquaredError < best.SumSquaredError)
            {
                best = candidate;
            }
        }

        return best is null ? null : new HoltWintersFitted(best, start, name);
    }

    /// <summary>
    /// Parameters are fitted on the most recent season plus two days (the recursions forget older data
    /// anyway), then one full pass stores the states every internal origin needs.
    /// </summary>
    private static HoltWintersFilter FitOne(double[] window, int m, bool multiplicative, int day)
    {
        var seasonal = m > 1;
        var recent = window.AsSpan(Math.Max(0, window.Length - (m + (2 * Math.Max(day, 1))))).ToArray();
        double Objective(double[] p) => HoltWintersFilter.Run(recent, m, multiplicative, Map(p, seasonal), storeStates: false).SumSquaredError;
        var best = NelderMead.Minimize(Objective, [-1.0, -3.0, -2.0, 1.0], 1.0, MaxEvaluations);
        return HoltWintersFilter.Run(window, m, multiplicative, Map(best, seasonal), storeStates: true);
    }

    /// <summary>Unconstrained → (alpha, beta, gamma, phi) with beta ≤ alpha, gamma ≤ 1 − alpha, phi in [0.8, 1] (1 = undamped).</summary>
    private static HoltWintersParameters Map(double[] p, bool seasonal)
    {
        var alpha = Sigmoid(p[0]);
        var beta = alpha * Sigmoid(p[1]);
        var gamma = seasonal ? (1 - alpha) * Sigmoid(p[2]) : 0;
        var phi = 0.8 + (0.2 * Sigmoid(p[3]));
        return new HoltWintersParameters(alpha, beta, gamma, phi);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private sealed class HoltWintersFitted(HoltWintersFilter filter, int offset, string name) : IFittedModel
    {
        public string Name => name;

        public int MinOrigin => offset + filter.Period + 1;

        public void Forecast(int origin, Span<double> output) => filter.Forecast(origin - offset - 1, output);
    }
}
