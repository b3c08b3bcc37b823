namespace Autoscaler.Simulator.Scenarios;

/// <summary>autoscaling/v2 <c>HPAScalingPolicy</c>: <c>Pods</c> or <c>Percent</c>, a value, a period.</summary>
internal sealed record ScalingPolicyModel(string Type, int Value, int PeriodSeconds);
