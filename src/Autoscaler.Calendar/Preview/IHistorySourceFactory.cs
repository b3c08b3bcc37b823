using Autoscaler.Calendar.Cluster;
using Autoscaler.Core.Control;

namespace Autoscaler.Calendar.Preview;

/// <summary>Picks the load history of a workload for the preview (Core's <see cref="IHistorySource"/>).</summary>
public interface IHistorySourceFactory
{
    /// <summary>The source for <paramref name="workload"/>, or null with <paramref name="why"/> when none is configured.</summary>
    IHistorySource? For(Workload workload, out string why);

    /// <summary>The ready-replica history of <paramref name="workload"/> (same grid rules), or null with <paramref name="why"/>; none by default.</summary>
    IHistorySource? ReplicasFor(Workload workload, out string why)
    {
        why = "no replica history is configured";
        return null;
    }
}
