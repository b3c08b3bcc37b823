using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Api;

/// <summary>ScalingEvent → <see cref="EventView"/>.</summary>
public static class EventViews
{
    /// <summary>Maps one event.</summary>
    public static EventView From(V1Alpha1ScalingEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var a = item.Metadata.Annotations ?? new Dictionary<string, string>();
        var spec = item.Spec;
        DateTimeOffset? start = LocalTimeResolver.TryResolve(spec.Start, spec.TimeZone ?? "UTC", false, out var s, out _) ? s : null;
        DateTimeOffset? end = LocalTimeResolver.TryResolve(spec.End, spec.TimeZone ?? "UTC", true, out var e, out _) ? e : null;
        var (kind, value) = spec.ExpectedLoad switch
        {
            { Multiplier: { } m } => ("multiplier", m),
            { BumpPercent: { } b } => ("bumpPercent", b),
            { AbsoluteFloor: { } f } => ("absoluteFloor", (double)f),
            _ => ("unknown", 0d),
        };
        return new EventView(
            item.Metadata.NamespaceProperty, item.Metadata.Name, EventTitle.Of(item), spec.Targets.HpaNames?.ToList() ?? [],
            spec.Start, spec.End, spec.TimeZone, start, end, kind, value, spec.Kind, spec.Description, spec.Recurrence?.Schedule, spec.LeadTime,
            EventState.Of(item), Get(a, CalendarAnnotations.CreatedBy), item.Status?.ApprovedBy, item.Status?.ApprovedAt,
            Get(a, CalendarAnnotations.RejectedBy), Get(a, CalendarAnnotations.ReviewComment), item.Metadata.ResourceVersion);
    }

    private static string? Get(IDictionary<string, string> a, string key) => a.TryGetValue(key, out var v) ? v : null;
}
