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
/// <param name="PeakLoadVsPlan"><paramref name="PeakLoad"/> ÷ what <paramref name="PlannedPeakFloor"/> carries at the HPA's target (above 1: the plan was short).</param>
/// <param name="OverloadedMinutes">Minutes in the window whose load exceeded the capacity named by <paramref name="OverloadBasis"/>.</param>
/// <param name="OverloadBasis">"ready replicas" (measured) or "planned floor" (no replica history: what the floor, or minReplicas, would carry).</param>
/// <param name="Floor">The floor raised for the event (the controller's RaiseFloor decision record, else the planned peak floor).</param>
/// <param name="FloorRaisedAt">When it was raised (the decision record's time, else the planned rise).</param>
/// <param name="FloorReadyAt">When the ready replicas first reached <paramref name="Floor"/>, from the replica history; null when not measured or never.</param>
/// <param name="TimeToCapacitySeconds">From the start until ready capacity covered the load (0 when it did at the start; the whole window when it never did); null when not measured.</param>
/// <param name="TimeToCapacity">The same in words, or why it was not measured.</param>
/// <param name="Notes">What is missing or assumed.</param>
public sealed record ServiceReport(
    string Hpa, string DisplayName, double? PeakLoad, DateTimeOffset? PeakAt, double? NormalLoad, double? WindowMultiplier, double? PeakMultiplier,
    double? SuggestedMultiplier, int? PlannedPeakFloor, double? PeakLoadVsPlan, double? OverloadedMinutes, string OverloadBasis,
    int? Floor, DateTimeOffset? FloorRaisedAt, DateTimeOffset? FloorReadyAt, double? TimeToCapacitySeconds, string TimeToCapacity, IReadOnlyList<string> Notes);
