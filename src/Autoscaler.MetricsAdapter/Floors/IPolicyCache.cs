using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.MetricsAdapter.Floors;

/// <summary>The adapter's local view of the cluster's PredictivePolicies (an informer cache; never a per-request list call).</summary>
public interface IPolicyCache
{
    /// <summary>True once the first list has been applied; before that no floor can be told from "no floor".</summary>
    bool IsSynced { get; }

    /// <summary>A snapshot of the cached policies (every namespace the cache watches).</summary>
    IReadOnlyList<V1Alpha1PredictivePolicy> Policies();
}
