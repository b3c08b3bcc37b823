using k8s;

namespace Autoscaler.Controller.Watching;

/// <summary>List and watch of one resource type, as an informer needs them.</summary>
/// <typeparam name="T">The object type.</typeparam>
public interface IListWatchSource<T>
{
    /// <summary>Resource name for logs (horizontalpodautoscalers.v2beta2.autoscaling ...).</summary>
    string Describe { get; }

    /// <summary>Lists every object; returns them with the list's resourceVersion.</summary>
    Task<(IReadOnlyList<T> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/> until the server ends the stream. ERROR events (410 Gone when the
    /// version was compacted) arrive through <paramref name="onError"/> as <see cref="k8s.Autorest.HttpOperationException"/>
    /// or <see cref="KubernetesException"/>.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(string resourceVersion, Action<Exception> onError, CancellationToken cancellationToken);
}
