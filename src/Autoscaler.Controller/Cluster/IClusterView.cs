using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Cluster;

/// <summary>
/// The controller's read side: snapshots of the informer caches (no API calls). Implemented over the live
/// informers and, in tests, over an in-memory cluster.
/// </summary>
public interface IClusterView
{
    /// <summary>Whether every cache finished its first list (reconciling earlier would see a partial cluster).</summary>
    bool IsSynced { get; }

    /// <summary>Every ScalingEvent in the watched namespaces.</summary>
    IReadOnlyList<V1Alpha1ScalingEvent> ScalingEvents();

    /// <summary>Every PredictivePolicy in the watched namespaces.</summary>
    IReadOnlyList<V1Alpha1PredictivePolicy> Policies();

    /// <summary>Every HPA in the watched namespaces.</summary>
    IReadOnlyList<HpaView> Hpas();

    /// <summary>Pod start-up durations (creation to Ready) of the pods a workload owns, newest first; empty when unknown.</summary>
    /// <param name="ns">Namespace.</param>
    /// <param name="workload">The HPA's scaleTargetRef name.</param>
    IReadOnlyList<TimeSpan> PodStartupTimes(string ns, string workload);
}
