using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Informers;

/// <summary>What an informer lists and watches; <see cref="KubernetesListWatch{T, TList}"/> provides one over KubernetesClient.</summary>
/// <typeparam name="T">The watched type.</typeparam>
public interface IListWatchSource<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Lists everything (all pages) as a consistent read.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items and the list's resourceVersion.</returns>
    Task<ListSnapshot<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Watches from a resourceVersion until the server ends the stream. An ERROR event is thrown as the
    /// library's <see cref="KubernetesException"/> (a 410 "too old resource version" has <c>Status.Code</c> 410).
    /// </summary>
    /// <param name="resourceVersion">Where to resume.</param>
    /// <param name="timeoutSeconds">Server-side timeout of this watch.</param>
    /// <param name="cancellationToken">Stops the watch.</param>
    /// <returns>The events (ADDED, MODIFIED, DELETED, BOOKMARK).</returns>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(string resourceVersion, int timeoutSeconds, CancellationToken cancellationToken);
}
