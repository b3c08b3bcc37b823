namespace Autoscaler.Core.Planning;

/// <summary>
/// How a floor reaches the HPA. The HPA stays the only actuator of the scale subresource in both cases.
/// </summary>
public enum FloorActuation
{
    /// <summary>
    /// The floor raises the HPA's <c>spec.minReplicas</c> (restored when the floor ends). Exact: the HPA jumps
    /// to the floor at its next sync, without tolerance or scale-up rate limits (HPA_SPEC.md: current &lt; min
    /// short-circuits to min). Right when the controller may write the HPA object.
    /// </summary>
    MinReplicas = 0,

    /// <summary>
    /// The floor is served as an External metric (AverageValue target 1, value = floor) that the HPA reads beside
    /// its own metrics; the HPA takes the largest proposal. Subject to the tolerance dead-band and the
    /// behavior's scale-up policies. Right when the HPA object is owned by GitOps and must not be patched.
    /// </summary>
    ExternalMetric = 1,
}
