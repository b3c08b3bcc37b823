using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;

namespace Autoscaler.Calendar.Forms;

/// <summary>
/// Finds live events of the same services whose windows intersect an event's, comparing every occurrence of both
/// (Core's <see cref="EventSeries"/>: the first window plus the cron repetitions up to until, on each zone's wall
/// clock, so DST moves them as the controller will) from now to <see cref="EventLimits.OverlapHorizon"/> ahead.
/// </summary>
public static class EventOverlaps
{
    /// <summary>The events that overlap <paramref name="series"/>, each with its first intersecting window, in the order of <paramref name="existing"/>.</summary>
    /// <param name="series">The event being saved.</param>
    /// <param name="services">Its HPA names.</param>
    /// <param name="existing">The namespace's events; cancelled, rejected and completed ones and <paramref name="self"/> are skipped, as are specs that do not map.</param>
    /// <param name="self">The name of the event being edited, or null.</param>
    /// <param name="now">Current time: windows that ended before it do not count.</param>
    public static IReadOnlyList<EventOverlap> Find(EventSeries series, IReadOnlyCollection<string> services, IReadOnlyList<V1Alpha1ScalingEvent> existing, string? self, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(existing);
        var to = now + EventLimits.OverlapHorizon;
        var mine = Windows(series, now, to);
        var result = new List<EventOverlap>();
        foreach (var other in existing)
        {
            if (other.Metadata.Name == self || EventState.Of(other) is EventState.Cancelled or EventState.Rejected or EventState.Completed) continue;
            if (other.Spec.Targets.HpaNames is not { } names || !names.Any(services.Contains)) continue;
            if (ScalingEventMapping.Map(other.Spec, null).Series is not { } theirs) continue;
            if (FirstIntersection(mine, Windows(theirs, now, to)) is { } hit) result.Add(new EventOverlap(EventTitle.Of(other), hit.Start, hit.End));
        }

        return result;
    }

    private static List<PlannedEvent> Windows(EventSeries series, DateTimeOffset from, DateTimeOffset to) =>
        [.. series.Occurrences(from, to).Where(w => w.End > from).Take(EventLimits.MaxOverlapWindows)];

    /// <summary>
    /// Both lists are in start order, and, every window of a series lasting as long as its first, in end order too: walk
    /// them together, advancing the one that ends first.
    /// </summary>
    private static PlannedEvent? FirstIntersection(List<PlannedEvent> mine, List<PlannedEvent> theirs)
    {
        int i = 0, j = 0;
        while (i < mine.Count && j < theirs.Count)
        {
            if (mine[i].Start < theirs[j].End && theirs[j].Start < mine[i].End) return theirs[j];
            if (mine[i].End <= theirs[j].End) i++;
            else j++;
        }

        return null;
    }
}
