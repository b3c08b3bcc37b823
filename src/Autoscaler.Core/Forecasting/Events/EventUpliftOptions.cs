namespace Autoscaler.Core.Forecasting.Events;

/// <summary>Settings of the event uplift learner.</summary>
/// <param name="Before">Ramp before the start that belongs to the event (people arrive early).</param>
/// <param name="After">Tail after the end that belongs to it (the peak follows a match's final whistle).</param>
/// <param name="MinOccurrences">Past occurrences needed to learn a profile; below it the expected multiplier is used.</param>
/// <param name="OwnQuantilesFrom">Past occurrences needed before their residuals alone set the quantiles.</param>
public sealed record EventUpliftOptions(TimeSpan Before, TimeSpan After, int MinOccurrences, int OwnQuantilesFrom)
{
    /// <summary>One hour of ramp on each side, three occurrences to learn, eight to calibrate alone.</summary>
    public static EventUpliftOptions Default { get; } = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1), 3, 8);
}
