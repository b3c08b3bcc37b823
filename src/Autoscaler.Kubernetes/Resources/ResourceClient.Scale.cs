using System.Globalization;
using System.Text.Json;
using Autoscaler.Kubernetes.Http;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes.Resources;

// The scale subresource (autoscaling/v1 Scale) of deployments, stateful sets and custom resources.
public sealed partial class ResourceClient<T>
{
    /// <summary>Reads the scale subresource.</summary>
    /// <param name="name">Object name.</param>
    /// <param name="namespace">Namespace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Desired and observed replicas and the pod selector.</returns>
    public Task<Scale> GetScaleAsync(string name, string? @namespace, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(HttpMethod.Get, Resource.ItemPath(name, @namespace, "scale")), KubernetesJsonContext.Default.Scale, cancellationToken);

    /// <summary>Replaces the scale subresource; its resourceVersion makes the write conditional.</summary>
    /// <param name="scale">The Scale as read, with the new spec.replicas.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored Scale.</returns>
    public Task<Scale> ReplaceScaleAsync(Scale scale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scale);
        scale.ApiVersion ??= "autoscaling/v1";
        scale.Kind ??= "Scale";
        var name = scale.Metadata.Name ?? throw new ArgumentException("metadata.name is required", nameof(scale));
        var body = JsonSerializer.SerializeToUtf8Bytes(scale, KubernetesJsonContext.Default.Scale);
        return _connection.SendAsync(
            new ApiRequest(HttpMethod.Put, Resource.ItemPath(name, scale.Metadata.Namespace, "scale"), body, ApiRequest.Json),
            KubernetesJsonContext.Default.Scale, cancellationToken);
    }

    /// <summary>Sets spec.replicas through a merge patch of the scale subresource (unconditional).</summary>
    /// <param name="name">Object name.</param>
    /// <param name="namespace">Namespace.</param>
    /// <param name="replicas">Desired replicas.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored Scale.</returns>
    public Task<Scale> PatchScaleAsync(string name, string? @namespace, int replicas, CancellationToken cancellationToken = default)
    {
        var patch = KubernetesPatch.Merge($"{{\"spec\":{{\"replicas\":{replicas.ToString(CultureInfo.InvariantCulture)}}}}}");
        return _connection.SendAsync(
            new ApiRequest(HttpMethod.Patch, Resource.ItemPath(name, @namespace, "scale"), patch.ToBytes(), patch.ContentType),
            KubernetesJsonContext.Default.Scale, cancellationToken);
    }
}
