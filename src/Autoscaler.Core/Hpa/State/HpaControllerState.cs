namespace Autoscaler.Core.Hpa.State;

/// <summary>
/// What the controller remembers about one HPA between reconciles (HPA_SPEC.md §1.2). Mutable, owned by
/// the caller; each reconcile updates it in place. A new instance is a freshly observed HPA.
/// </summary>
public sealed class HpaControllerState
{
    /// <summary>
    /// Unstabilised proposals. <c>null</c> means "never seen": the next reconcile records (current, now) first,
    /// which blocks scale-down for one downscale window. An empty list means "no history".
    /// </summary>
    public List<TimestampedRecommendation>? Recommendations { get; set; }

    /// <summary>Scale-up events (kept only when behavior is set).</summary>
    public List<ScaleEvent> ScaleUpEvents { get; } = [];

    /// <summary>Scale-down events (kept only when behavior is set).</summary>
    public List<ScaleEvent> ScaleDownEvents { get; } = [];
}
