using Autoscaler.E2E.Tests.Fixtures;
using k8s;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>
/// A watch from resourceVersion "1" is answered with a 410 ERROR event inside a 200 once etcd has compacted past
/// it: the control plane (ControlPlaneFlags) serves ConfigMap watches from etcd and compacts every 10 s, so this waits (briefly, after
/// start-up) for that. KubernetesClient hands the event's Status to the watch's onError as a KubernetesException.
/// </summary>
internal static class TooOldVersion
{
    public static Task<KubernetesException> ErrorFromVersionOneAsync(IKubernetes client, string ns) =>
        Eventually.Async("a 410 ERROR event for a watch from revision 1 (etcd compaction past it)", async seen =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            KubernetesException? error = null;
            var events = client.CoreV1.WatchListNamespacedConfigMapAsync(
                ns, resourceVersion: "1", timeoutSeconds: 5, onError: e => error ??= e as KubernetesException, cancellationToken: timeout.Token);
            try
            {
                await foreach (var (type, obj) in events)
                {
                    seen($"{type} {obj.Metadata?.Name}");
                    break;
                }
            }
            catch (OperationCanceledException)
            {
                seen("no event within 10 s");
            }

            return error;
        }, TimeSpan.FromSeconds(60));
}
