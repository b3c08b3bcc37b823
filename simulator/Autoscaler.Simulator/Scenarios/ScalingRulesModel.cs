namespace Autoscaler.Simulator.Scenarios;

/// <summary>autoscaling/v2 <c>HPAScalingRules</c>; nulls mean "not set" so upstream defaulting applies.</summary>
internal sealed record ScalingRulesModel(int? StabilizationWindowSeconds, string? SelectPolicy, IReadOnlyList<ScalingPolicyModel>? Policies, double? Tolerance);
