using Autoscaler.Kubernetes.Models;

namespace Autoscaler.Kubernetes.LeaderElection;

/// <summary>Reads and writes the one Lease an elector uses (a seam for unit tests).</summary>
internal interface ILeaseStore
{
    Task<Lease?> GetAsync(CancellationToken cancellationToken);

    Task<Lease> CreateAsync(Lease lease, CancellationToken cancellationToken);

    /// <summary>Replaces the lease conditionally on its metadata.resourceVersion; a 409 surfaces as a conflict exception.</summary>
    Task<Lease> ReplaceAsync(Lease lease, CancellationToken cancellationToken);
}
