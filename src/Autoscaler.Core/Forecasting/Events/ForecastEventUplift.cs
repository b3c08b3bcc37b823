namespace Autoscaler.Core.Forecasting.Events;

/// <summary>
/// The event a forecast was adjusted for: its kind and start, and where the uplift came from.
/// </summary>
/// <param name="Kind">The event's kind.</param>
/// <param name="Start">The event's start (UTC).</param>
/// <param name="LearnedFrom">Past occurrences of the kind the uplift was learned from; 0 when the event's expected multiplier was used.</param>
/// <param name="MinMultiplier">Smallest multiplier applied over the forecast's leads.</param>
/// <param name="MaxMultiplier">Largest multiplier applied over the forecast's leads.</param>
public sealed record ForecastEventUplift(string Kind, DateTimeOffset Start, int LearnedFrom, double MinMultiplier, double MaxMultiplier)
{
    /// <summary>True when past occurrences, not the calendar's guess, set the uplift.</summary>
    public bool Learned => LearnedFrom > 0;
}
