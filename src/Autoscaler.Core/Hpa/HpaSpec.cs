using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.Metrics;

namespace Autoscaler.Core.Hpa;

/// <summary>The parts of an <c>autoscaling/v2</c> HorizontalPodAutoscaler spec the algorithm reads.</summary>
/// <param name="MinReplicas">Lower bound; <c>null</c> means 1 (the API default).</param>
/// <param name="MaxReplicas">Upper bound.</param>
/// <param name="Metrics">Metric specs in order; empty means the API default (cpu at 80 %), see <see cref="WithApiDefaults"/>.</param>
/// <param name="Behavior"><c>null</c> selects the legacy normalisation path; present selects the behavior path.</param>
public sealed record HpaSpec(int? MinReplicas, int MaxReplicas, IReadOnlyList<MetricSpec> Metrics, HpaBehavior? Behavior)
{
    /// <summary>
    /// Applies the API-server defaults of HPA_SPEC.md §2.2: an empty metric list becomes cpu Utilization 80 %,
    /// and a present behavior has each direction filled field by field. A nil behavior stays nil, and
    /// minReplicas stays as given (the controller reads nil as 1).
    /// </summary>
    public HpaSpec WithApiDefaults() => this with
    {
        Metrics = Metrics.Count == 0 ? [MetricSpec.DefaultCpu] : Metrics,
        Behavior = Behavior?.WithApiDefaults(),
    };
}
