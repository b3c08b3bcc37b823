using Autoscaler.Calendar.Cluster;

namespace Autoscaler.Calendar.Tests.Fakes;

/// <summary>A fixed list of HPAs.</summary>
public sealed class FakeWorkloads(params Workload[] workloads) : IWorkloadCatalog
{
    public Task<IReadOnlyList<Workload>> ListAsync(string ns, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Workload>>(workloads.Where(w => w.Namespace == ns).ToList());
}
