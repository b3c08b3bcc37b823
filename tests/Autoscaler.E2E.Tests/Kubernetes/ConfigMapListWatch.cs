using Autoscaler.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>The list+watch of one namespace's ConfigMaps through KubernetesClient, as an informer takes it.</summary>
internal static class ConfigMapListWatch
{
    public static KubernetesListWatch<V1ConfigMap, V1ConfigMapList> For(IKubernetes client, string ns, int pageSize = 500) => new(
        (page, ct) => client.CoreV1.ListNamespacedConfigMapAsync(ns, continueParameter: page.Continue, limit: page.Limit, cancellationToken: ct),
        (watch, onError, ct) => client.CoreV1.WatchListNamespacedConfigMapAsync(
            ns, allowWatchBookmarks: true, resourceVersion: watch.ResourceVersion, timeoutSeconds: watch.TimeoutSeconds, onError: onError, cancellationToken: ct),
        pageSize);
}
