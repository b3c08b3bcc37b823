using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Cluster;

/// <summary>
/// Annotation keys the calendar owns on ScalingEvents (who created, edited, approved or rejected, with the comment) and
/// reads on HPAs (the friendly name shown to product managers). The approval itself is in status.approvedBy/approvedAt.
/// </summary>
public static class CalendarAnnotations
{
    /// <summary>The event's title as the product manager typed it.</summary>
    public const string Title = AutoscalerApi.Group + "/title";

    /// <summary>The authenticated user who created the event (the owner: may not approve it).</summary>
    public const string CreatedBy = AutoscalerApi.Group + "/created-by";

    /// <summary>The last user who edited or cancelled the event.</summary>
    public const string UpdatedBy = AutoscalerApi.Group + "/updated-by";

    /// <summary>When the last edit happened (RFC 3339 UTC).</summary>
    public const string UpdatedAt = AutoscalerApi.Group + "/updated-at";

    /// <summary>The approver's or rejecter's comment.</summary>
    public const string ReviewComment = AutoscalerApi.Group + "/review-comment";

    /// <summary>Who rejected the event.</summary>
    public const string RejectedBy = AutoscalerApi.Group + "/rejected-by";

    /// <summary>When it was rejected (RFC 3339 UTC).</summary>
    public const string RejectedAt = AutoscalerApi.Group + "/rejected-at";

    /// <summary>On an HPA: the name product managers know the service by ("Checkout"); the HPA name when absent.</summary>
    public const string DisplayName = AutoscalerApi.Group + "/display-name";

    /// <summary>On an HPA: load units one replica carries at the HPA's target (the preview's capacity model).</summary>
    public const string LoadPerReplica = AutoscalerApi.Group + "/load-per-replica";

    /// <summary>On an HPA: the PromQL returning its load history (the preview's history source).</summary>
    public const string HistoryQuery = AutoscalerApi.Group + "/history-query";

    /// <summary>
    /// On an HPA: the PromQL returning its ready replicas over time (e.g. kube-state-metrics'
    /// <c>kube_deployment_status_replicas_available{deployment="checkout"}</c>); the after-event report's time to capacity.
    /// </summary>
    public const string ReplicasQuery = AutoscalerApi.Group + "/replicas-query";
}
