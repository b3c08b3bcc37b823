using Autoscaler.Calendar.Cluster;
using Autoscaler.Core.Control;

namespace Autoscaler.Calendar.Preview;

/// <summary>Picks the load history of a workload for the preview (Core's <see cref="IHistorySource"/>).</summary>
public interface IHistorySourceFactory
{
    /// <summary>The source for <paramref name="workload"/>, or null with <paramref name="why"/> when none is configured.</summary>
    IHistorySource? For(Workload workload, out string why);
}
