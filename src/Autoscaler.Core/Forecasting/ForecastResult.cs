using Autoscaler.Core.Forecasting.Events;

namespace Autoscaler.Core.Forecasting;

/// <summary>
/// A forecast with calibrated quantiles. Element <c>k</c> of each array is for
/// <see cref="FirstTarget"/> + k × <see cref="Step"/>.
/// </summary>
/// <param name="Model">Name of the forecaster that produced it.</param>
/// <param name="FirstTarget">Time of the first forecast grid point.</param>
/// <param name="Step">Grid spacing.</param>
/// <param name="P10">10th percentile.</param>
/// <param name="P50">Median: the point forecast.</param>
/// <param name="P90">90th percentile: what a planner provisions to.</param>
/// <param name="Detail">Human-readable account of the choice (models and weights, event adjustment).</param>
public sealed record ForecastResult(
    string Model,
    DateTimeOffset FirstTarget,
    TimeSpan Step,
    IReadOnlyList<double> P10,
    IReadOnlyList<double> P50,
    IReadOnlyList<double> P90,
    string Detail)
{
    /// <summary>
    /// Candidate models that failed on this history (threw, or gave a non-finite value) and sat out this
    /// forecast; the blend used the others. Empty when none did.
    /// </summary>
    public IReadOnlyList<string> SatOut { get; init; } = [];

    /// <summary>
    /// The event that adjusted the forecast's earliest adjusted lead, and whether its uplift was learned; null when none
    /// (the first of <see cref="EventUplifts"/>).
    /// </summary>
    public ForecastEventUplift? EventUplift { get; init; }

    /// <summary>
    /// Every event the forecast was adjusted for, in the order of the leads they govern: each lead takes the uplift of
    /// the one event whose window (start − ramp .. end + tail) holds it, so a longer horizon never changes the leads a
    /// shorter one covers. Empty when none (or when only <see cref="EventUplift"/> was set).
    /// </summary>
    public IReadOnlyList<ForecastEventUplift> EventUplifts { get; init; } = [];

    /// <summary>The uplift applied for the event of <paramref name="kind"/> starting at <paramref name="start"/>, or null when the forecast was not adjusted for it.</summary>
    /// <param name="kind">The event's kind.</param>
    /// <param name="start">The event's start (UTC).</param>
    public ForecastEventUplift? UpliftFor(string kind, DateTimeOffset start)
    {
        foreach (var u in EventUplifts)
        {
            if (u.Kind == kind && u.Start == start) return u;
        }

        return EventUplift is { } first && first.Kind == kind && first.Start == start ? first : null;
    }
}
