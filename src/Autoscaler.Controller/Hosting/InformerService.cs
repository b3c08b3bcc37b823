using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Informers;
using k8s.Models;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.Controller.Hosting;

/// <summary>Runs the informers on every replica (a follower keeps a warm cache, so a new leader acts at once).</summary>
public sealed class InformerService : BackgroundService
{
    private readonly Informer<V1Alpha1ScalingEvent> _events;
    private readonly Informer<V1Alpha1PredictivePolicy> _policies;
    private readonly Informer<V2HorizontalPodAutoscaler> _hpas;
    private readonly Informer<V1Pod> _pods;

    /// <summary>Creates the service and routes every change to the work queue.</summary>
    public InformerService(
        Informer<V1Alpha1ScalingEvent> events, Informer<V1Alpha1PredictivePolicy> policies, Informer<V2HorizontalPodAutoscaler> hpas, Informer<V1Pod> pods, WorkQueue<string> queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _events = events;
        _policies = policies;
        _hpas = hpas;
        _pods = pods;
        Route(_events, queue);
        Route(_policies, queue);
        Route(_hpas, queue);
    }

    /// <summary>Every add, update and delete of the informer asks the control loop for a pass.</summary>
    private static void Route<T>(Informer<T> informer, WorkQueue<string> queue)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        informer.Added += _ => queue.Add(ControlLoopService.PassKey);
        informer.Updated += (_, _) => queue.Add(ControlLoopService.PassKey);
        informer.Deleted += _ => queue.Add(ControlLoopService.PassKey);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_events.RunAsync(stoppingToken), _policies.RunAsync(stoppingToken), _hpas.RunAsync(stoppingToken), _pods.RunAsync(stoppingToken));
}
