namespace Autoscaler.Core.Control;

/// <summary>The HPA's own bounds and the current replicas.</summary>
/// <param name="HpaMinReplicas">The HPA owner's minReplicas (before any floor).</param>
/// <param name="HpaMaxReplicas">The HPA's maxReplicas.</param>
/// <param name="CurrentReplicas">The scale subresource's current replicas.</param>
public sealed record WorkloadSnapshot(int HpaMinReplicas, int HpaMaxReplicas, int CurrentReplicas);
