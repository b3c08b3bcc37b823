using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Informers;

/// <summary>
/// An <see cref="IListWatchSource{T}"/> over KubernetesClient's generated calls. Lists in pages (restarting
/// when a continue token expires with 410), and turns the ERROR events the library reports through its
/// <c>onError</c> callback into an exception the informer can act on.
/// </summary>
/// <example>
/// <code>
/// new KubernetesListWatch&lt;V1ConfigMap, V1ConfigMapList&gt;(
///     (page, ct) =&gt; k.CoreV1.ListNamespacedConfigMapAsync(ns, continueParameter: page.Continue, limit: page.Limit, cancellationToken: ct),
///     (w, onError, ct) =&gt; k.CoreV1.WatchListNamespacedConfigMapAsync(ns, allowWatchBookmarks: true,
///         resourceVersion: w.ResourceVersion, timeoutSeconds: w.TimeoutSeconds, onError: onError, cancellationToken: ct));
/// </code>
/// </example>
/// <typeparam name="T">The watched type.</typeparam>
/// <typeparam name="TList">Its list type.</typeparam>
/// <param name="list">Lists one page.</param>
/// <param name="watch">Opens a watch (KubernetesClient's <c>WatchList...Async</c>), passing <c>onError</c> through.</param>
/// <param name="pageSize">Items per list page (client-go: 500).</param>
public sealed class KubernetesListWatch<T, TList>(
    Func<ListPageRequest, CancellationToken, Task<TList>> list,
    Func<WatchRequest, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch,
    int pageSize = 500) : IListWatchSource<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
    private const int MaxListRestarts = 3;

    /// <inheritdoc />
    public async Task<ListSnapshot<T>> ListAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ListAllPagesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ApiErrors.IsGone(e) && attempt < MaxListRestarts)
            {
                // The continue token outlived etcd's compaction: the pages so far are from an old snapshot.
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? error = null;
        var events = watch(new WatchRequest(resourceVersion, timeoutSeconds), e => error ??= e, cancellationToken);
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (error is not null)
            {
                break;
            }

            yield return e;
        }

        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    private async Task<ListSnapshot<T>> ListAllPagesAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? next = null;
        while (true)
        {
            var page = await list(new ListPageRequest(next, pageSize), cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            next = page.Metadata?.ContinueProperty;
            if (string.IsNullOrEmpty(next))
            {
                return new ListSnapshot<T>(items, page.Metadata?.ResourceVersion ?? "");
            }
        }
    }
}
