namespace Autoscaler.Core.Planning;

/// <summary>Limits on the floor besides the HPA's maxReplicas (which always applies).</summary>
/// <param name="MaxFloor">The floor never exceeds this; null for no limit beyond maxReplicas.</param>
/// <param name="MaxStepUp">The floor rises by at most this many replicas per planner step; null for no limit.</param>
public sealed record SafetyBounds(int? MaxFloor = null, int? MaxStepUp = null)
{
    /// <summary>No limits beyond the HPA's maxReplicas.</summary>
    public static SafetyBounds None { get; } = new();
}
