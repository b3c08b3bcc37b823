using System.Text.Json;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Http;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes.Resources;

// Writes: create, replace (with optimistic concurrency), patch, server-side apply, delete.
public sealed partial class ResourceClient<T>
{
    /// <summary>Creates an object (201), filling in apiVersion and kind when empty.</summary>
    /// <param name="value">The object; its metadata.namespace is used for namespaced resources.</param>
    /// <param name="fieldManager">Field manager recorded for the written fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created object as stored.</returns>
    /// <exception cref="KubernetesApiException">409 AlreadyExists when the name is taken, and every other failure.</exception>
    public Task<T> CreateAsync(T value, string? fieldManager = null, CancellationToken cancellationToken = default)
    {
        var path = Resource.CollectionPath(NamespaceOf(value)) + new QueryBuilder().Add("fieldManager", fieldManager);
        return _connection.SendAsync(new ApiRequest(HttpMethod.Post, path, Serialize(value), ApiRequest.Json), _item, cancellationToken);
    }

    /// <summary>Replaces an object; its metadata.resourceVersion makes the write conditional.</summary>
    /// <param name="value">The full object as last read, changed.</param>
    /// <param name="fieldManager">Field manager recorded for the written fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object.</returns>
    /// <exception cref="KubernetesConflictException">Someone changed the object since it was read.</exception>
    public Task<T> ReplaceAsync(T value, string? fieldManager = null, CancellationToken cancellationToken = default) =>
        Put(value, null, fieldManager, cancellationToken);

    /// <summary>Replaces the status through the status subresource (other changes are ignored by the server).</summary>
    /// <param name="value">The full object with the new status.</param>
    /// <param name="fieldManager">Field manager recorded for the written fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object.</returns>
    public Task<T> ReplaceStatusAsync(T value, string? fieldManager = null, CancellationToken cancellationToken = default) =>
        Put(value, "status", fieldManager, cancellationToken);

    private Task<T> Put(T value, string? subresource, string? fieldManager, CancellationToken cancellationToken)
    {
        var path = Resource.ItemPath(NameOf(value), NamespaceOf(value), subresource) + new QueryBuilder().Add("fieldManager", fieldManager);
        return _connection.SendAsync(new ApiRequest(HttpMethod.Put, path, Serialize(value), ApiRequest.Json), _item, cancellationToken);
    }

    /// <summary>Patches an object or one of its subresources (merge patch, JSON patch or strategic merge patch).</summary>
    /// <param name="name">Object name.</param>
    /// <param name="namespace">Namespace (null for cluster-scoped resources).</param>
    /// <param name="patch">The patch and its type.</param>
    /// <param name="subresource">status, or null for the main resource.</param>
    /// <param name="fieldManager">Field manager recorded for the written fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object.</returns>
    public Task<T> PatchAsync(
        string name, string? @namespace, KubernetesPatch patch, string? subresource = null, string? fieldManager = null,
        CancellationToken cancellationToken = default)
    {
        var path = Resource.ItemPath(name, @namespace, subresource) + new QueryBuilder().Add("fieldManager", fieldManager);
        return _connection.SendAsync(new ApiRequest(HttpMethod.Patch, path, patch.ToBytes(), patch.ContentType), _item, cancellationToken);
    }

    /// <summary>
    /// Server-side apply: sends the partial object (only the fields this manager owns) and creates it when
    /// absent. A field owned by another manager with a different value is a 409 unless <paramref name="force"/>.
    /// </summary>
    /// <param name="value">The partial object: apiVersion, kind, name, namespace and the owned fields.</param>
    /// <param name="fieldManager">The manager name (required by the server).</param>
    /// <param name="force">Take ownership of conflicting fields.</param>
    /// <param name="subresource">status to apply the status, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored object.</returns>
    /// <exception cref="KubernetesConflictException">A field conflict, listed in <see cref="KubernetesConflictException.FieldConflicts"/>.</exception>
    public Task<T> ApplyAsync(T value, string fieldManager, bool force = false, string? subresource = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fieldManager);
        var path = Resource.ItemPath(NameOf(value), NamespaceOf(value), subresource)
            + new QueryBuilder().Add("fieldManager", fieldManager).Add("force", force ? "true" : null);
        return _connection.SendAsync(
            new ApiRequest(HttpMethod.Patch, path, Serialize(value), KubernetesPatch.ApplyContentType), _item, cancellationToken);
    }

    /// <summary>Deletes an object.</summary>
    /// <param name="name">Object name.</param>
    /// <param name="namespace">Namespace (null for cluster-scoped resources).</param>
    /// <param name="options">Propagation policy and preconditions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when deleted (or deletion started), false when it did not exist.</returns>
    public async Task<bool> DeleteAsync(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = options is null ? null : JsonSerializer.SerializeToUtf8Bytes(options, KubernetesJsonContext.Default.DeleteOptions);
        try
        {
            using var response = await _connection.SendAsync(
                new ApiRequest(HttpMethod.Delete, Resource.ItemPath(name, @namespace), body, body is null ? null : ApiRequest.Json),
                streaming: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }
}
