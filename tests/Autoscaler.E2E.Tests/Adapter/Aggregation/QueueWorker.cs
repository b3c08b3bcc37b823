using Autoscaler.E2E.Tests.Fixtures;
using k8s;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// The queue worker the adapter e2e tests scale: Deployment <c>worker</c> (1 replica) and a v2beta2 HPA on the
/// External metric <c>queue_length{queue=orders}</c> with an AverageValue target of 10 per replica (1–8 replicas,
/// no scale-down stabilization, so a test sees both directions quickly).
/// </summary>
internal static class QueueWorker
{
    /// <summary>Applies the Deployment and the HPA in <paramref name="ns"/> with the given kubeconfig.</summary>
    public static Task ApplyAsync(string kubeconfig, string ns) => Kubectl.RunAsync(kubeconfig, $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker, namespace: {{{ns}}}}
        spec:
          replicas: 1
          selector: {matchLabels: {app: worker}}
          template:
            metadata: {labels: {app: worker}}
            spec:
              containers: [{name: worker, image: registry.invalid/worker:1}]
        ---
        apiVersion: autoscaling/v2beta2
        kind: HorizontalPodAutoscaler
        metadata: {name: worker, namespace: {{{ns}}}}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: worker}
          minReplicas: 1
          maxReplicas: 8
          metrics:
            - type: External
              external:
                metric:
                  name: queue_length
                  selector: {matchLabels: {queue: orders}}
                target: {type: AverageValue, averageValue: "10"}
          behavior:
            scaleDown: {stabilizationWindowSeconds: 0}
        """, "apply", "-f", "-");

    /// <summary>Waits (120 s at most) until the HPA has set the Deployment's spec.replicas to <paramref name="replicas"/>.</summary>
    public static Task WaitReplicasAsync(IKubernetes admin, string ns, int replicas) =>
        Eventually.Async($"deployment {ns}/worker at {replicas} replicas", async seen =>
        {
            var d = await admin.AppsV1.ReadNamespacedDeploymentAsync("worker", ns);
            seen($"spec.replicas={d.Spec?.Replicas}");
            return d.Spec?.Replicas == replicas ? "scaled" : null;
        }, TimeSpan.FromSeconds(120));
}
