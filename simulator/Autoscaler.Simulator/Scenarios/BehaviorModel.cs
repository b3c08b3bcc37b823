namespace Autoscaler.Simulator.Scenarios;

/// <summary>autoscaling/v2 <c>behavior</c> as written; unset fields stay null and take upstream defaults later.</summary>
internal sealed record BehaviorModel(ScalingRulesModel? ScaleUp, ScalingRulesModel? ScaleDown);
