using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;
using Autoscaler.Kubernetes.Watch;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>
/// A watch from resourceVersion "1" is answered with a 410 once etcd has compacted past it: control-plane.sh
/// serves ConfigMap watches from etcd and compacts every 10 s, so this waits (briefly, after start-up) for that.
/// </summary>
internal static class TooOldVersion
{
    public static async Task<WatchEvent<ConfigMap>> FirstEventFromVersionOneAsync(KubernetesClient client, string ns) =>
        await Eventually.Async("etcd compaction past revision 1", async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await foreach (var e in client.ConfigMaps.WatchAsync(ns, new WatchOptions { ResourceVersion = "1", TimeoutSeconds = 5 }, timeout.Token))
            {
                return e.Type == WatchEventType.Error ? e : null;
            }

            return null;
        }, TimeSpan.FromSeconds(60));
}
