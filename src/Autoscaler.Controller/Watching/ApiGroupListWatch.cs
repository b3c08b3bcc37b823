using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace Autoscaler.Controller.Watching;

/// <summary>
/// List and watch of any resource under /apis/{group}/{version} (custom resources, and HPAs in whichever autoscaling
/// version is served) through the client's generic custom-object calls, cluster-wide or in one namespace.
/// </summary>
/// <typeparam name="T">Object type.</typeparam>
/// <typeparam name="TList">List type.</typeparam>
public sealed class ApiGroupListWatch<T, TList> : IListWatchSource<T>
    where T : IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
    private readonly IKubernetes _client;
    private readonly string _group;
    private readonly string _version;
    private readonly string _plural;
    private readonly string? _namespace;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client.</param>
    /// <param name="group">API group (autoscaling, autoscaling.autoscaler.dev).</param>
    /// <param name="version">Version (v2beta2, v1alpha1).</param>
    /// <param name="plural">Resource plural.</param>
    /// <param name="namespace">One namespace, or null for all.</param>
    public ApiGroupListWatch(IKubernetes client, string group, string version, string plural, string? @namespace)
    {
        _client = client;
        _group = group;
        _version = version;
        _plural = plural;
        _namespace = @namespace;
    }

    /// <inheritdoc />
    public string Describe => $"{_plural}.{_version}.{_group}" + (_namespace is null ? "" : $" in {_namespace}");

    /// <inheritdoc />
    public async Task<(IReadOnlyList<T> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var list = _namespace is null
            ? await _client.CustomObjects.ListClusterCustomObjectAsync<TList>(_group, _version, _plural, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await _client.CustomObjects.ListNamespacedCustomObjectAsync<TList>(_group, _version, _namespace, _plural, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ([.. list.Items], list.Metadata.ResourceVersion);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A server-side timeout (5 min) ends every watch normally; the informer resumes from the last version.
        var events = _namespace is null
            ? _client.CustomObjects.WatchListClusterCustomObjectAsync(
                _group, _version, _plural, resourceVersion: resourceVersion, timeoutSeconds: 300, onError: onError, cancellationToken: cancellationToken)
            : _client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                _group, _version, _namespace, _plural, resourceVersion: resourceVersion, timeoutSeconds: 300, onError: onError, cancellationToken: cancellationToken);
        await foreach (var (type, raw) in events.ConfigureAwait(false))
        {
            // The generic call yields untyped JSON; one more pass through the client's serializer types it.
            yield return (type, KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(raw)));
        }
    }
}
