using Autoscaler.Core.Forecasting.Quantiles;

namespace Autoscaler.Core.Forecasting.Events;

/// <summary>
/// How a covered event changes one forecast: a multiplier per lead on the point forecast and, when learned
/// from past occurrences, the residual quantiles observed around them (which replace the general ones).
/// </summary>
internal sealed record EventAdjustment(double[] Multipliers, QuantileOffsets? Offsets, string Detail)
{
    /// <summary>What the adjustment was, as the forecast result states it.</summary>
    public ForecastEventUplift? Uplift { get; init; }
}
