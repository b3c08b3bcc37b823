using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Informers;

/// <summary>
/// The list+watch of any resource under <c>/apis/{group}/{version}</c> (custom resources, or HPAs in whichever
/// autoscaling version is served) through KubernetesClient's generic custom-object calls, as a
/// <see cref="KubernetesListWatch{T, TList}"/> for an <see cref="Informer{T}"/>. Watches ask for bookmarks; the
/// library's untyped watch objects (JSON) are read into the typed object with its serializer.
/// </summary>
public static class CustomObjectListWatch
{
    /// <summary>Creates the source, cluster-wide or in one namespace.</summary>
    /// <typeparam name="T">Object type.</typeparam>
    /// <typeparam name="TList">Its list type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="group">API group, such as "autoscaling" or "autoscaling.autoscaler.dev".</param>
    /// <param name="version">Version, such as "v2beta2" or "v1alpha1".</param>
    /// <param name="plural">Resource plural, such as "scalingevents".</param>
    /// <param name="namespace">One namespace, or null for every namespace.</param>
    /// <returns>The source.</returns>
    public static KubernetesListWatch<T, TList> Create<T, TList>(IKubernetes client, string group, string version, string plural, string? @namespace)
        where T : class, IKubernetesObject<V1ObjectMeta>
        where TList : IKubernetesObject<V1ListMeta>, IItems<T>
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(
            (page, ct) => @namespace is null
                ? client.CustomObjects.ListClusterCustomObjectAsync<TList>(group, version, plural, continueParameter: page.Continue, limit: page.Limit, cancellationToken: ct)
                : client.CustomObjects.ListNamespacedCustomObjectAsync<TList>(
                    group, version, @namespace, plural, continueParameter: page.Continue, limit: page.Limit, cancellationToken: ct),
            (watch, onError, ct) => Typed<T>(@namespace is null
                ? client.CustomObjects.WatchListClusterCustomObjectAsync(
                    group, version, plural, allowWatchBookmarks: true, resourceVersion: watch.ResourceVersion, timeoutSeconds: watch.TimeoutSeconds,
                    onError: onError, cancellationToken: ct)
                : client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                    group, version, @namespace, plural, allowWatchBookmarks: true, resourceVersion: watch.ResourceVersion, timeoutSeconds: watch.TimeoutSeconds,
                    onError: onError, cancellationToken: ct), ct));
    }

    private static async IAsyncEnumerable<(WatchEventType, T)> Typed<T>(
        IAsyncEnumerable<(WatchEventType, object)> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (type, raw) in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var json = raw is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(raw);
            yield return (type, KubernetesJson.Deserialize<T>(json));
        }
    }
}
