using Autoscaler.Controller.Cluster;
using Autoscaler.Controller.Hosting;
using Autoscaler.Core.Planning;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// The lead time of one target: the longest explicit spec.leadTime among its events, else auto = the p90 of its recent
/// pods' start-up (creation to Ready; the configured default with fewer than 3 pods) + one HPA sync + the metric delay.
/// </summary>
public static class LeadTimes
{
    /// <summary>Computes the lead time and how it was obtained ("Spec", "MeasuredPods" or "Default").</summary>
    /// <param name="hpa">The target.</param>
    /// <param name="events">Its plannable events.</param>
    /// <param name="view">Pod start-up times.</param>
    /// <param name="options">HPA sync, metric delay and default start-up.</param>
    public static (LeadTime LeadTime, string Source) For(HpaView hpa, IReadOnlyList<ResolvedEvent> events, IClusterView view, ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(hpa);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        var explicitLeads = events.Where(e => e.ExplicitLeadTime is not null).Select(e => e.ExplicitLeadTime!.Value).ToList();
        if (explicitLeads.Count > 0 && explicitLeads.Count == events.Count)
        {
            return (LeadTime.Explicit(explicitLeads.Max()), "Spec");
        }

        var startups = hpa.ScaleTargetName is { } workload ? view.PodStartupTimes(hpa.Namespace, workload) : [];
        if (startups.Count >= 3)
        {
            var sorted = startups.Order().ToArray();
            var p90 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.9 * sorted.Length) - 1)];
            var measured = LeadTime.Auto(p90, options.HpaSyncPeriod, options.MetricDelay, $"p90 of {sorted.Length} recent pods");
            return (Longest(measured, explicitLeads), "MeasuredPods");
        }

        var fallback = LeadTime.Auto(options.DefaultPodStartup, options.HpaSyncPeriod, options.MetricDelay, "default, fewer than 3 pods seen Ready");
        return (Longest(fallback, explicitLeads), "Default");
    }

    private static LeadTime Longest(LeadTime auto, List<TimeSpan> explicitLeads) =>
        explicitLeads.Count > 0 && explicitLeads.Max() > auto.Value ? LeadTime.Explicit(explicitLeads.Max()) : auto;
}
