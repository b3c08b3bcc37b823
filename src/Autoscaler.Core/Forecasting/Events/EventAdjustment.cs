using Autoscaler.Core.Forecasting.Quantiles;

namespace Autoscaler.Core.Forecasting.Events;

/// <summary>
/// How the covered events change one forecast: a multiplier per lead on the point forecast and, per lead whose event
/// was learned from enough past occurrences, the residual quantiles observed around them (which replace the general
/// ones at that lead; null entries keep the general ones).
/// </summary>
internal sealed record EventAdjustment(double[] Multipliers, QuantileOffsets?[]? Offsets, string Detail)
{
    /// <summary>The event of the earliest adjusted lead (the first of <see cref="Uplifts"/>).</summary>
    public ForecastEventUplift? Uplift { get; init; }

    /// <summary>Every event that adjusted a lead, in lead order.</summary>
    public IReadOnlyList<ForecastEventUplift> Uplifts { get; init; } = [];
}
