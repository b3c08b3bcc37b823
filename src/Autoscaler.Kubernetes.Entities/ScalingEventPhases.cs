namespace Autoscaler.Kubernetes.Entities;

/// <summary>The values of <see cref="ScalingEventStatus.Phase"/> (the CRD's enum).</summary>
public static class ScalingEventPhases
{
    /// <summary>Created, waiting for someone allowed to <c>approve</c>.</summary>
    public const string Proposed = "Proposed";

    /// <summary>Approved; the next occurrence is not yet computed or is far away.</summary>
    public const string Approved = "Approved";

    /// <summary>Approved and the next occurrence is known; the floor is raised at start minus lead time.</summary>
    public const string Scheduled = "Scheduled";

    /// <summary>Inside [start - lead time, end): the floor is in place.</summary>
    public const string Active = "Active";

    /// <summary>The last occurrence ended; the original minReplicas was restored.</summary>
    public const string Completed = "Completed";

    /// <summary>spec.cancelled was set; any floor was removed.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>The spec cannot be acted on (unknown HPA or zone, end before start, DST gap); see conditions.</summary>
    public const string Rejected = "Rejected";
}
