using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;

namespace Autoscaler.Kubernetes.LeaderElection;

/// <summary>The Lease through the API server.</summary>
internal sealed class KubernetesLeaseStore(ResourceClient<Lease> leases, string @namespace, string name) : ILeaseStore
{
    public Task<Lease?> GetAsync(CancellationToken cancellationToken) => leases.TryGetAsync(name, @namespace, cancellationToken);

    public Task<Lease> CreateAsync(Lease lease, CancellationToken cancellationToken) =>
        leases.CreateAsync(lease, cancellationToken: cancellationToken);

    public Task<Lease> ReplaceAsync(Lease lease, CancellationToken cancellationToken) =>
        leases.ReplaceAsync(lease, cancellationToken: cancellationToken);
}
