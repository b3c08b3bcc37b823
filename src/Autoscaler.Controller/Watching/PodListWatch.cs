using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace Autoscaler.Controller.Watching;

/// <summary>List and watch of core/v1 pods (for measured lead time), cluster-wide or in one namespace.</summary>
public sealed class PodListWatch : IListWatchSource<V1Pod>
{
    private readonly IKubernetes _client;
    private readonly string? _namespace;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client.</param>
    /// <param name="namespace">One namespace, or null for all.</param>
    public PodListWatch(IKubernetes client, string? @namespace)
    {
        _client = client;
        _namespace = @namespace;
    }

    /// <inheritdoc />
    public string Describe => "pods.v1" + (_namespace is null ? "" : $" in {_namespace}");

    /// <inheritdoc />
    public async Task<(IReadOnlyList<V1Pod> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var list = _namespace is null
            ? await _client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)
            : await _client.CoreV1.ListNamespacedPodAsync(_namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ([.. list.Items], list.Metadata.ResourceVersion);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(WatchEventType Type, V1Pod Object)> WatchAsync(
        string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = _namespace is null
            ? _client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: resourceVersion, timeoutSeconds: 300, onError: onError, cancellationToken: cancellationToken)
            : _client.CoreV1.WatchListNamespacedPodAsync(_namespace, resourceVersion: resourceVersion, timeoutSeconds: 300, onError: onError, cancellationToken: cancellationToken);
        await foreach (var item in events.ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
