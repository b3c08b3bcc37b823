using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;
using Autoscaler.Kubernetes.Watch;

namespace Autoscaler.Kubernetes.Informers;

/// <summary>Lists and watches one resource through a <see cref="ResourceClient{T}"/>.</summary>
internal sealed class ResourceListWatchSource<T>(ResourceClient<T> client, string? @namespace, string? labelSelector, string? fieldSelector)
    : IListWatchSource<T>
    where T : KubernetesObject
{
    public Task<KubernetesList<T>> ListAsync(string? resourceVersion, CancellationToken cancellationToken) =>
        client.ListAllAsync(@namespace, new ListOptions
        {
            LabelSelector = labelSelector,
            FieldSelector = fieldSelector,
            ResourceVersion = resourceVersion,
        }, cancellationToken);

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, int timeoutSeconds, CancellationToken cancellationToken) =>
        client.WatchAsync(@namespace, new WatchOptions
        {
            ResourceVersion = resourceVersion,
            TimeoutSeconds = timeoutSeconds,
            LabelSelector = labelSelector,
            FieldSelector = fieldSelector,
        }, cancellationToken);
}
