using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Api;

/// <summary>ScalingEvent → <see cref="EventView"/>.</summary>
public static class EventViews
{
    /// <summary>Most windows listed per event.</summary>
    public const int MaxOccurrences = 200;

    /// <summary>Maps one event; with a range, its windows in [<paramref name="from"/>, <paramref name="to"/>), else its first window.</summary>
    public static EventView From(V1Alpha1ScalingEvent item, DateTimeOffset? from = null, DateTimeOffset? to = null)
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
            Get(a, CalendarAnnotations.RejectedBy), Get(a, CalendarAnnotations.ReviewComment), item.Metadata.ResourceVersion,
            Windows(spec, start, end, from, to));
    }

    /// <summary>
    /// The first window plus the cron repetitions after it and not after until (the controller's reading of
    /// spec.recurrence), limited to the range.
    /// </summary>
    private static List<Occurrence> Windows(ScalingEventSpec spec, DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (start is not { } s || end is not { } e || e <= s) return [];
        if (from is not { } f || to is not { } t) return [new Occurrence(s, e)];
        var result = new List<Occurrence>();
        if (e > f && s < t) result.Add(new Occurrence(s, e));
        if (spec.Recurrence is { } r && RecurringWindow.TryCreate(r.Schedule, spec.TimeZone ?? "UTC", e - s, spec.Kind, null, null, out _) is { } window)
        {
            DateTimeOffset? until = r.Until is { } u && LocalTimeResolver.TryResolve(u, spec.TimeZone ?? "UTC", false, out var resolved, out _) ? resolved : null;
            result.AddRange(window.Occurrences(f, t)
                .Where(o => o.Start > s && (until is null || o.Start <= until))
                .Take(MaxOccurrences - result.Count)
                .Select(o => new Occurrence(o.Start, o.End)));
        }

        return result;
    }

    private static string? Get(IDictionary<string, string> a, string key) => a.TryGetValue(key, out var v) ? v : null;
}
