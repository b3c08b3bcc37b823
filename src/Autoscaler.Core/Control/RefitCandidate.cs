namespace Autoscaler.Core.Control;

/// <summary>A step whose refit is due, as offered to <see cref="RefitSchedule.Grant"/>.</summary>
/// <param name="Key">The host's key of the step (unique within a pass).</param>
/// <param name="DueAt">When its refit fell due (<see cref="PreScaleStep.NextRefitAt"/>).</param>
public sealed record RefitCandidate(string Key, DateTimeOffset DueAt);
