using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;

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
        var series = ScalingEventMapping.Map(spec, spec.Description).Series;
        var (kind, value) = spec.ExpectedLoad switch
        {
            { Multiplier: { } m } => ("multiplier", m),
            { BumpPercent: { } b } => ("bumpPercent", b),
            { AbsoluteFloor: { } f } => ("absoluteFloor", (double)f),
            _ => ("unknown", 0d),
        };
        return new EventView(
            item.Metadata.NamespaceProperty, item.Metadata.Name, EventTitle.Of(item), spec.Targets.HpaNames?.ToList() ?? [],
            spec.Start, spec.End, spec.TimeZone, series?.First.Start, series?.First.End, kind, value, spec.Kind, spec.Description, spec.Recurrence?.Schedule, spec.Recurrence?.Until, spec.LeadTime,
            EventState.Of(item), Get(a, CalendarAnnotations.CreatedBy), item.Status?.ApprovedBy, item.Status?.ApprovedAt,
            Get(a, CalendarAnnotations.RejectedBy), Get(a, CalendarAnnotations.ReviewComment), item.Metadata.ResourceVersion,
            Windows(series, from, to));
    }

    /// <summary>
    /// The event's windows through the shared mapping (<see cref="ScalingEventMapping"/>, Core's <see cref="EventSeries"/>:
    /// the first plus the cron repetitions after it and not after until), limited to the range; none when the spec does not map.
    /// </summary>
    private static List<Occurrence> Windows(EventSeries? series, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (series is null) return [];
        if (from is not { } f || to is not { } t) return [new Occurrence(series.First.Start, series.First.End)];
        return [.. series.Occurrences(f, t).Take(MaxOccurrences).Select(o => new Occurrence(o.Start, o.End))];
    }

    private static string? Get(IDictionary<string, string> a, string key) => a.TryGetValue(key, out var v) ? v : null;
}
