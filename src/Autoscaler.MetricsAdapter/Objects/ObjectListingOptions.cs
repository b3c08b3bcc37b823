namespace Autoscaler.MetricsAdapter.Objects;

/// <summary>
/// Settings of the informer-backed object lister (section <c>Objects</c>), used to answer custom metrics asked
/// by label selector (<c>/namespaces/NS/pods/*/METRIC?labelSelector=app%3Dweb</c>, an HPA <c>type: Pods</c> metric).
/// Only active when the adapter has a Kubernetes API (<c>--kubeconfig</c> or in-cluster).
/// </summary>
public sealed class ObjectListingOptions
{
    /// <summary>Whether to watch objects at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Comma-separated plural names of the resources to watch cluster-wide (default <c>pods</c>); one of
    /// <c>daemonsets</c>, <c>deployments</c>, <c>pods</c>, <c>replicasets</c>, <c>services</c>, <c>statefulsets</c>.
    /// Each needs <c>list</c> and <c>watch</c> in the adapter's RBAC.
    /// </summary>
    public string Resources { get; set; } = "pods";

    /// <summary>The resource names of <see cref="Resources"/>, trimmed, without empty entries or repeats.</summary>
    public IReadOnlyList<string> ResourceNames =>
        Resources.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Enabled && ResourceNames.Count == 0)
        {
            errors.Add("Objects:Resources names no resource (set Objects:Enabled=false to watch none)");
        }

        foreach (var name in ResourceNames.Where(n => !WatchableResources.IsKnown(n)))
        {
            errors.Add($"Objects:Resources: '{name}' cannot be watched (one of {string.Join(", ", WatchableResources.Names)})");
        }

        return errors;
    }
}
