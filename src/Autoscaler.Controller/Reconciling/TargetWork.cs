using Autoscaler.Controller.Cluster;

namespace Autoscaler.Controller.Reconciling;

/// <summary>Everything that asks for a floor on one HPA in one pass.</summary>
/// <param name="Hpa">The HPA.</param>
/// <param name="Events">Its valid, approved, not cancelled events.</param>
/// <param name="Policy">Its valid policy, if any.</param>
public sealed record TargetWork(HpaView Hpa, IReadOnlyList<ResolvedEvent> Events, ResolvedPolicy? Policy)
{
    /// <summary>kind/name of each requester, for the floor-owners annotation.</summary>
    public string Owners => string.Join(",", Events.Select(e => "ScalingEvent/" + e.Resource.Metadata.Name)
        .Concat(Policy is null ? [] : ["PredictivePolicy/" + Policy.Resource.Metadata.Name]));
}
