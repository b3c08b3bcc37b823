using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Informers;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.MetricsAdapter.Floors;

/// <summary>
/// The PredictivePolicy cache on the shared <see cref="Informer{T}"/> (list + watch, relist on 410, back-off on
/// errors such as a missing CRD or RBAC rule); runs while the host runs.
/// </summary>
internal sealed class InformerPolicyCache(Informer<V1Alpha1PredictivePolicy> informer) : BackgroundService, IPolicyCache
{
    public bool IsSynced => informer.HasSynced;

    public IReadOnlyList<V1Alpha1PredictivePolicy> Policies() => informer.List();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => informer.RunAsync(stoppingToken);
}
