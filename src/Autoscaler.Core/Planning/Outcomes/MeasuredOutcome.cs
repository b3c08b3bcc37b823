namespace Autoscaler.Core.Planning.Outcomes;

/// <summary>How an event went for one workload, measured from its sampled load and ready-replica series.</summary>
/// <param name="OverloadedMinutes">Minutes in [start, end) whose load sample exceeded what the ready replicas carry (ready × load per replica), each sample counting its load step.</param>
/// <param name="TimeToCapacity">
/// From the start until ready capacity first covered the load (zero when it already did at the start); the whole window
/// when it never did (<paramref name="CapacityReached"/> false). The simulator's definition, on samples.
/// </param>
/// <param name="CapacityReached">Whether ready capacity covered the load at some sample in the window.</param>
/// <param name="FloorReadyAt">First replica sample at or after the floor's rise with at least the floor ready; null when that never happened before the end.</param>
public sealed record MeasuredOutcome(double OverloadedMinutes, TimeSpan TimeToCapacity, bool CapacityReached, DateTimeOffset? FloorReadyAt);
