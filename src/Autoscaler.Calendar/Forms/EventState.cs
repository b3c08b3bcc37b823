using Autoscaler.Calendar.Cluster;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Forms;

/// <summary>The state a page colours an event by, from status.phase and spec.cancelled.</summary>
public static class EventState
{
    /// <summary>Waiting for approval.</summary>
    public const string Proposed = "Proposed";

    /// <summary>Approved (or scheduled by the controller).</summary>
    public const string Approved = "Approved";

    /// <summary>The floor is in place.</summary>
    public const string Active = "Active";

    /// <summary>Over.</summary>
    public const string Completed = "Completed";

    /// <summary>Rejected by an approver or by the controller's validation.</summary>
    public const string Rejected = "Rejected";

    /// <summary>Cancelled.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>
    /// The state of <paramref name="item"/>: Cancelled when spec.cancelled; Rejected when an approver rejected it (the
    /// rejected-by annotation, which the controller does not touch, so its next status write cannot undo it); Approved
    /// for the controller's Scheduled, and for an approval recorded before the controller's next status write; Proposed
    /// when there is no status yet.
    /// </summary>
    public static string Of(V1Alpha1ScalingEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Spec.Cancelled == true) return Cancelled;
        if (item.Metadata.Annotations?.ContainsKey(CalendarAnnotations.RejectedBy) == true) return Rejected;
        return item.Status?.Phase switch
        {
            ScalingEventPhases.Scheduled or ScalingEventPhases.Approved => Approved,
            ScalingEventPhases.Active => Active,
            ScalingEventPhases.Completed => Completed,
            ScalingEventPhases.Rejected => Rejected,
            ScalingEventPhases.Cancelled => Cancelled,
            _ => item.Status?.ApprovedBy is { Length: > 0 } ? Approved : Proposed,
        };
    }
}
