namespace Autoscaler.Core.Planning;

/// <summary>
/// A step of an event's ramp: from <paramref name="BeforeStart"/> before the event's start, hold
/// <paramref name="Share"/> of the event's extra load (or of its absolute floor).
/// </summary>
/// <param name="BeforeStart">How long before the start this step begins (positive).</param>
/// <param name="Share">Share of the event's uplift, in (0, 1].</param>
public sealed record RampStep(TimeSpan BeforeStart, double Share);
