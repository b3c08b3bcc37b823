namespace Autoscaler.Core.Forecasting.Events;

/// <summary>A calendar entry known in advance: a match, a sale, a launch.</summary>
/// <param name="Start">When the event starts (UTC).</param>
/// <param name="End">When it ends (UTC), after <paramref name="Start"/>.</param>
/// <param name="Kind">Events of one kind share a learned uplift profile.</param>
/// <param name="ExpectedMultiplier">Load multiplier to assume while no past occurrence of the kind is in the history.</param>
/// <param name="Description">Free text.</param>
public sealed record ScheduledEvent(
    DateTimeOffset Start,
    DateTimeOffset End,
    string Kind,
    double? ExpectedMultiplier = null,
    string? Description = null)
{
    /// <summary>
    /// The trace the event belongs to (a file name such as <c>nyc_taxi_passengers_30min.csv</c>), from a
    /// calendar's <c>series</c> column; null when it applies to any trace.
    /// </summary>
    public string? Series { get; init; }
}
