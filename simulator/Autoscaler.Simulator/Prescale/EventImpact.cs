namespace Autoscaler.Simulator.Prescale;

/// <summary>How one scheduled event went in a replay.</summary>
/// <param name="Kind">The event's kind.</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC).</param>
/// <param name="Description">Free text from the calendar.</param>
/// <param name="OverloadMinutes">Minutes inside [start, end) with demand above ready capacity.</param>
/// <param name="TimeToCapacitySeconds">From the start until ready capacity covered demand (0 when it already did at the start).</param>
/// <param name="PodHours">Pod-hours inside [start, end).</param>
internal sealed record EventImpact(string Kind, DateTime Start, DateTime End, string? Description, double OverloadMinutes, double TimeToCapacitySeconds, double PodHours);
