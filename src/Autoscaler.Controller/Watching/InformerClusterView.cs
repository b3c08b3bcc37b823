using Autoscaler.Controller.Cluster;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Informers;
using k8s.Models;

namespace Autoscaler.Controller.Watching;

/// <summary><see cref="IClusterView"/> over the four shared informers (ScalingEvents, PredictivePolicies, HPAs, pods).</summary>
public sealed class InformerClusterView : IClusterView
{
    private readonly Informer<V1Alpha1ScalingEvent> _events;
    private readonly Informer<V1Alpha1PredictivePolicy> _policies;
    private readonly Informer<V2HorizontalPodAutoscaler> _hpas;
    private readonly Informer<V1Pod>? _pods;
    private readonly string _hpaVersion;

    /// <summary>Creates the view.</summary>
    /// <param name="events">ScalingEvent informer.</param>
    /// <param name="policies">PredictivePolicy informer.</param>
    /// <param name="hpas">HPA informer (read through <paramref name="hpaVersion"/>).</param>
    /// <param name="pods">Pod informer, or null when lead time is not measured.</param>
    /// <param name="hpaVersion">"v2" or "v2beta2".</param>
    public InformerClusterView(
        Informer<V1Alpha1ScalingEvent> events, Informer<V1Alpha1PredictivePolicy> policies, Informer<V2HorizontalPodAutoscaler> hpas, Informer<V1Pod>? pods, string hpaVersion)
    {
        _events = events;
        _policies = policies;
        _hpas = hpas;
        _pods = pods;
        _hpaVersion = hpaVersion;
    }

    /// <inheritdoc />
    public bool IsSynced => _events.HasSynced && _policies.HasSynced && _hpas.HasSynced && (_pods?.HasSynced ?? true);

    /// <inheritdoc />
    public IReadOnlyList<V1Alpha1ScalingEvent> ScalingEvents() => _events.List();

    /// <inheritdoc />
    public IReadOnlyList<V1Alpha1PredictivePolicy> Policies() => _policies.List();

    /// <inheritdoc />
    public IReadOnlyList<HpaView> Hpas() => [.. _hpas.List().Select(h => HpaMapper.ToView(h, _hpaVersion))];

    /// <inheritdoc />
    public IReadOnlyList<TimeSpan> PodStartupTimes(string ns, string workload) =>
        _pods is null ? [] : PodStartup.Measure(_pods.List().Where(p => p.Metadata.NamespaceProperty == ns), workload);
}
