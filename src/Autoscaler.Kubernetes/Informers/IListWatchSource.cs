using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;
using Autoscaler.Kubernetes.Watch;

namespace Autoscaler.Kubernetes.Informers;

/// <summary>What an informer lists and watches; <see cref="ResourceClient{T}"/> provides one with <c>AsListWatch</c>.</summary>
/// <typeparam name="T">The watched type.</typeparam>
public interface IListWatchSource<T>
    where T : KubernetesObject
{
    /// <summary>Lists everything (all pages); an unset <paramref name="resourceVersion"/> is a consistent read.</summary>
    /// <param name="resourceVersion">"0" for any cached version, or null for the latest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items and the list's resourceVersion.</returns>
    Task<KubernetesList<T>> ListAsync(string? resourceVersion, CancellationToken cancellationToken);

    /// <summary>Watches from a resourceVersion.</summary>
    /// <param name="resourceVersion">Where to resume.</param>
    /// <param name="timeoutSeconds">Server-side timeout of this watch.</param>
    /// <param name="cancellationToken">Stops the watch.</param>
    /// <returns>The events until the server ends the stream.</returns>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, int timeoutSeconds, CancellationToken cancellationToken);
}
