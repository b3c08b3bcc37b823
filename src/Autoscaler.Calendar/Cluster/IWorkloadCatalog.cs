namespace Autoscaler.Calendar.Cluster;

/// <summary>The HPAs of a namespace, by friendly name.</summary>
public interface IWorkloadCatalog
{
    /// <summary>Every HPA of <paramref name="ns"/>, ordered by display name.</summary>
    /// <exception cref="ClusterException">The API server refused or failed.</exception>
    Task<IReadOnlyList<Workload>> ListAsync(string ns, CancellationToken cancellationToken);
}
