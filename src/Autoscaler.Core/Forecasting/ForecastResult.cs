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

    /// <summary>The event the forecast was adjusted for, and whether its uplift was learned; null when none.</summary>
    public ForecastEventUplift? EventUplift { get; init; }
}
