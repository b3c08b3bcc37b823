using Autoscaler.Kubernetes.Informers;

namespace Autoscaler.Kubernetes.Resources;

// The list+watch source an informer runs on.
public sealed partial class ResourceClient<T>
{
    /// <summary>A list+watch source for an <see cref="Informer{T}"/> over this resource.</summary>
    /// <param name="namespace">Namespace; null for all namespaces or a cluster-scoped resource.</param>
    /// <param name="labelSelector">Optional label selector.</param>
    /// <param name="fieldSelector">Optional field selector.</param>
    /// <returns>The source.</returns>
    public IListWatchSource<T> AsListWatch(string? @namespace = null, string? labelSelector = null, string? fieldSelector = null) =>
        new ResourceListWatchSource<T>(this, @namespace, labelSelector, fieldSelector);
}
