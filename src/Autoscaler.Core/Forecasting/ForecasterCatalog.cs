using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.Forecasting.Models;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Forecasting;

/// <summary>
/// Named forecasters. <c>auto</c> blends every method by backtest on the series' own recent history, and
/// shrinks the blend toward the naive candidates (persistence, daily seasonal-naive) where its recent skill
/// over them is weak; the others run one method through the same calibration and event handling.
/// </summary>
public static class ForecasterCatalog
{
    /// <summary>The names accepted by <see cref="TryCreate"/> (seasonal-naive also takes a period, e.g. <c>seasonal-naive:1d</c>).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["auto", "persistence", "seasonal-naive", "seasonal-profile", "holt-winters", "holt-winters-additive", "holt-winters-multiplicative", "holt", "ssa"];

    /// <summary>
    /// Creates the forecaster named by <paramref name="spec"/> (a period suffix after ':' is a duration such as
    /// <c>1d</c> or <c>7d</c>); on failure returns false and says why in <paramref name="error"/>.
    /// </summary>
    public static bool TryCreate(string spec, out IForecaster? forecaster, out string error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        forecaster = null;
        error = string.Empty;
        var parts = spec.Split(':', 2);
        TimeSpan? period = null;
        if (parts.Length == 2)
        {
            period = DurationParser.TryParse(parts[1], out var parsed, out _) ? parsed : null;
            if (parts[0] != "seasonal-naive" || period is null || period <= TimeSpan.Zero)
            {
                error = $"'{spec}': only seasonal-naive takes a period, as a positive duration (seasonal-naive:1d)";
                return false;
            }
        }

        IReadOnlyList<IPointModel>? models = parts[0] switch
        {
            "auto" => AutoCandidates(),
            "persistence" => [new PersistenceModel()],
            "seasonal-naive" => [new SeasonalNaiveModel(period, spec)],
            "seasonal-profile" => [new SeasonalProfileModel(TimeSpan.FromDays(1), 7, false, "seasonal-profile")],
            "holt-winters" => [new HoltWintersModel(HoltWintersSeasonality.Auto, true, "holt-winters")],
            "holt-winters-additive" => [new HoltWintersModel(HoltWintersSeasonality.Additive, true, "holt-winters-additive")],
            "holt-winters-multiplicative" => [new HoltWintersModel(HoltWintersSeasonality.Multiplicative, true, "holt-winters-multiplicative")],
            "holt" => [new HoltWintersModel(HoltWintersSeasonality.Additive, false, "holt")],
            "ssa" => [new SsaModel("ssa")],
            _ => null,
        };
        if (models is null)
        {
            error = $"unknown model '{spec}'; known: {string.Join(", ", Names)}";
            return false;
        }

        forecaster = new ForecastEngine(spec, models, EventUpliftOptions.Default, parts[0] == "auto" ? AutoBaselines : null, parts[0] == "auto" ? ShrinkTargetsOnly : null);
        return true;
    }

    /// <summary>The naive candidates <c>auto</c> must never do worse than on the series' own recent backtest.</summary>
    private static readonly IReadOnlySet<string> AutoBaselines = new HashSet<string>(StringComparer.Ordinal) { PersistenceModel.ModelName, DailySeasonalNaive };

    /// <summary>Backtested as a floor for the blend, never blended in by score (see <c>docs/forecasting.md</c>).</summary>
    private static readonly IReadOnlySet<string> ShrinkTargetsOnly = new HashSet<string>(StringComparer.Ordinal) { DailySeasonalNaive };

    private const string DailySeasonalNaive = "seasonal-naive:1d";

    private static IReadOnlyList<IPointModel> AutoCandidates() =>
    [
        new PersistenceModel(),
        new SeasonalNaiveModel(TimeSpan.FromDays(1), DailySeasonalNaive),
        new SeasonalNaiveModel(null, "seasonal-naive"),
        new SeasonalProfileModel(TimeSpan.FromDays(1), 7, false, "profile-daily"),
        new SeasonalProfileModel(TimeSpan.FromDays(1), 7, true, "profile-daily-mult"),
        new SeasonalProfileModel(TimeSpan.FromDays(7), 3, false, "profile-weekly"),
        new SeasonalProfileModel(TimeSpan.FromDays(7), 3, true, "profile-weekly-mult"),
        new HoltWintersModel(HoltWintersSeasonality.Auto, true, "holt-winters"),
        new HoltWintersModel(HoltWintersSeasonality.Additive, false, "holt"),
        new SsaModel("ssa"),
    ];
}
