using Autoscaler.Calendar.Cluster;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Forms;

/// <summary>The title shown for an event: the title annotation, else the resource name.</summary>
public static class EventTitle
{
    /// <summary>The title of <paramref name="item"/>.</summary>
    public static string Of(V1Alpha1ScalingEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Metadata.Annotations is { } a && a.TryGetValue(CalendarAnnotations.Title, out var t) && t.Length > 0 ? t : item.Metadata.Name;
    }
}
