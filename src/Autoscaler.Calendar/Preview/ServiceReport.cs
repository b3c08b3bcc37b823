namespace Autoscaler.Calendar.Preview;

/// <summary>What happened during a past event for one service, against what was planned.</summary>
/// <param name="Hpa">HPA name.</param>
/// <param name="DisplayName">Friendly name.</param>
/// <param name="PeakLoad">Highest observed load in the window (history unit), null without history.</param>
/// <param name="PeakAt">When (UTC).</param>
/// <param name="NormalLoad">Mean load over the same window one week earlier.</param>
/// <param name="WindowMultiplier">Mean load in the window ÷ <paramref name="NormalLoad"/>.</param>
/// <param name="PeakMultiplier"><paramref name="PeakLoad"/> ÷ <paramref name="NormalLoad"/>.</param>
/// <param name="SuggestedMultiplier">For the next event of the same kind: the peak multiplier rounded up to 0.5, within the form's range.</param>
/// <param name="PlannedPeakFloor">The highest floor the planner held for the window (replicas).</param>
/// <param name="OverloadedMinutes">Minutes in the window where the load exceeded what the planned floor (or minReplicas) carries at the HPA's target.</param>
/// <param name="TimeToCapacity">Not measured yet: needs the replica history (stated, not guessed).</param>
/// <param name="Notes">What is missing or assumed.</param>
public sealed record ServiceReport(
    string Hpa, string DisplayName, double? PeakLoad, DateTimeOffset? PeakAt, double? NormalLoad, double? WindowMultiplier, double? PeakMultiplier,
    double? SuggestedMultiplier, int? PlannedPeakFloor, double? OverloadedMinutes, string TimeToCapacity, IReadOnlyList<string> Notes);
