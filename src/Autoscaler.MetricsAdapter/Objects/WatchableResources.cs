using Autoscaler.Kubernetes.Informers;
using Autoscaler.MetricsAdapter.Providers;
using k8s;
using k8s.Models;

namespace Autoscaler.MetricsAdapter.Objects;

/// <summary>
/// The resources the object lister can watch (cluster-wide list+watch through KubernetesClient's typed calls), by
/// their plural name as written in <c>Objects:Resources</c>. Each needs <c>list</c> and <c>watch</c> on it in the
/// adapter's RBAC (manifests/adapter/10-rbac.yaml grants pods).
/// </summary>
internal static class WatchableResources
{
    private static readonly Dictionary<string, (GroupResource Resource, Func<IKubernetes, InformerOptions, TimeProvider, WatchedObjects> Create)> Table =
        new(StringComparer.Ordinal)
        {
            ["pods"] = Entry<V1Pod, V1PodList>(new(string.Empty, "pods"),
                k => (p, ct) => k.CoreV1.ListPodForAllNamespacesAsync(continueParameter: p.Continue, limit: p.Limit, cancellationToken: ct),
                k => (w, e, ct) => k.CoreV1.WatchListPodForAllNamespacesAsync(
                    allowWatchBookmarks: true, resourceVersion: w.ResourceVersion, timeoutSeconds: w.TimeoutSeconds, onError: e, cancellationToken: ct)),
            ["services"] = Entry<V1Service, V1ServiceList>(new(string.Empty, "services"),
                k => (p, ct) => k.CoreV1.ListServiceForAllNamespacesAsync(continueParameter: p.Continue, limit: p.Limit, cancellationToken: ct),
                k => (w, e, ct) => k.CoreV1.WatchListServiceForAllNamespacesAsync(
                    allowWatchBookmarks: true, resourceVersion: w.ResourceVersion, timeoutSeconds: w.TimeoutSeconds, onError: e, cancellationToken: ct)),
            ["deployments"] = Entry<V1Deployment, V1DeploymentList>(new("apps", "deployments"),
                k => (p, ct) => k.AppsV1.ListDeploymentForAllNamespacesAsync(continueParameter: p.Continue, limit: p.Limit, cancellationToken: ct),
                k => (w, e, ct) => k.AppsV1.WatchListDeploymentForAllNamespacesAsync(
                    allowWatchBookmarks: true, resourceVersion: w.ResourceVersion, timeoutSeconds: w.TimeoutSeconds, onError: e, cancellationToken: ct)),
            ["statefulsets"] = Entry<V1StatefulSet, V1StatefulSetList>(new("apps", "statefulsets"),
                k => (p, ct) => k.AppsV1.ListStatefulSetForAllNamespacesAsync(continueParameter: p.Continue, limit: p.Limit, cancellationToken: ct),
                k => (w, e, ct) => k.AppsV1.WatchListStatefulSetForAllNamespacesAsync(
                    allowWatchBookmarks: true, resourceVersion: w.ResourceVersion, timeoutSeconds: w.TimeoutSeconds, onError: e, cancellationToken: ct)),
            ["replicasets"] = Entry<V1ReplicaSet, V1ReplicaSetList>(new("apps", "replicasets"),
                k => (p, ct) => k.AppsV1.ListReplicaSetForAllNamespacesAsync(continueParameter: p.Continue, limit: p.Limit, cancellationToken: ct),
                k => (w, e, ct) => k.AppsV1.WatchListReplicaSetForAllNamespacesAsync(
                    allowWatchBookmarks: true, resourceVersion: w.ResourceVersion, timeoutSeconds: w.TimeoutSeconds, onError: e, cancellationToken: ct)),
            ["daemonsets"] = Entry<V1DaemonSet, V1DaemonSetList>(new("apps", "daemonsets"),
                k => (p, ct) => k.AppsV1.ListDaemonSetForAllNamespacesAsync(continueParameter: p.Continue, limit: p.Limit, cancellationToken: ct),
                k => (w, e, ct) => k.AppsV1.WatchListDaemonSetForAllNamespacesAsync(
                    allowWatchBookmarks: true, resourceVersion: w.ResourceVersion, timeoutSeconds: w.TimeoutSeconds, onError: e, cancellationToken: ct)),
        };

    /// <summary>The names accepted in <c>Objects:Resources</c>, in a stable order.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>True when <paramref name="name"/> (a plural such as <c>pods</c>) can be watched.</summary>
    public static bool IsKnown(string name) => Table.ContainsKey(name);

    /// <summary>A not yet running watch of the resource named <paramref name="name"/> (see <see cref="IsKnown"/>).</summary>
    public static WatchedObjects Create(string name, IKubernetes client, InformerOptions options, TimeProvider time)
    {
        var (_, create) = Table[name];
        return create(client, options, time);
    }

    private static (GroupResource, Func<IKubernetes, InformerOptions, TimeProvider, WatchedObjects>) Entry<T, TList>(
        GroupResource resource,
        Func<IKubernetes, Func<ListPageRequest, CancellationToken, Task<TList>>> list,
        Func<IKubernetes, Func<WatchRequest, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>>> watch)
        where T : class, IKubernetesObject<V1ObjectMeta>
        where TList : IKubernetesObject<V1ListMeta>, IItems<T> =>
        (resource, (client, options, time) =>
            WatchedObjects.Over(resource, new Informer<T>(new KubernetesListWatch<T, TList>(list(client), watch(client)), options, time)));
}
