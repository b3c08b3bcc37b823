namespace Autoscaler.Core.Forecasting.Accuracy;

/// <summary>
/// The trust gate's verdict on a policy's forecaster: its rolling mean absolute percentage error against the two
/// baselines on the same origins (paired), from <see cref="TrustGate.Evaluate"/>.
/// </summary>
/// <param name="Window">The rolling window the origins lie in.</param>
/// <param name="Origins">Origins where all three models forecast and the actuals were known.</param>
/// <param name="ModelMape">The policy forecaster's MAPE (0.1 = 10 %) of p50 over the horizon; null without origins.</param>
/// <param name="PersistenceMape">MAPE of persistence (the last value).</param>
/// <param name="SeasonalNaiveMape">MAPE of daily seasonal-naive (the value one day earlier).</param>
public sealed record AccuracyVerdict(TimeSpan Window, int Origins, double? ModelMape, double? PersistenceMape, double? SeasonalNaiveMape)
{
    /// <summary>
    /// True when at least <see cref="TrustGate.MinOrigins"/> origins were scored and the model's MAPE is strictly
    /// below both baselines' (issue #11: forecast-driven floors act in auto only then).
    /// </summary>
    public bool Trusted =>
        Origins >= TrustGate.MinOrigins && ModelMape is { } m && PersistenceMape is { } p && SeasonalNaiveMape is { } s && m < p && m < s;

    /// <summary>One line for conditions and records, e.g. "MAPE 8.1 % vs persistence 12.0 %, daily seasonal-naive 9.4 % over 12 origins in 7d".</summary>
    public string Describe() =>
        Origins == 0 || ModelMape is null
            ? FormattableString.Invariant($"no origin to score yet in the last {Window.TotalDays:0.#} d of history (needs a day before each origin and the horizon after it)")
            : FormattableString.Invariant(
                $"MAPE {ModelMape * 100:0.0} % vs persistence {PersistenceMape * 100:0.0} %, daily seasonal-naive {SeasonalNaiveMape * 100:0.0} % over {Origins} origins in the last {Window.TotalDays:0.#} d");
}
