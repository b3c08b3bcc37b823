namespace Autoscaler.Core.Hpa;

/// <summary>The scale subresource of the target as read at the start of a reconcile.</summary>
/// <param name="SpecReplicas"><c>spec.replicas</c>: the controller's "current replicas".</param>
/// <param name="StatusReplicas"><c>status.replicas</c>: used only by AverageValue Object and External metrics.</param>
public readonly record struct ScaleSnapshot(int SpecReplicas, int StatusReplicas)
{
    /// <summary>
    /// Non-null when <c>status.selector</c> is empty or does not parse: the reconcile fails with
    /// ScalingActive=False/InvalidSelector. The host parses selectors; the algorithm only reacts.
    /// </summary>
    public string? SelectorError { get; init; }
}
