using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Http;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Serialization;
using Autoscaler.Kubernetes.Watch;

namespace Autoscaler.Kubernetes.Resources;

/// <summary>Typed operations on one resource: get, list, watch, create, replace, patch, apply, delete, subresources.</summary>
/// <typeparam name="T">The model type.</typeparam>
public sealed partial class ResourceClient<T>
    where T : KubernetesObject
{
    private readonly ApiConnection _connection;
    private readonly JsonTypeInfo<T> _item;
    private readonly JsonTypeInfo<KubernetesList<T>> _list;

    internal ResourceClient(ApiConnection connection, ApiResource resource, JsonTypeInfo<T> item, JsonTypeInfo<KubernetesList<T>> list)
    {
        _connection = connection;
        Resource = resource;
        _item = item;
        _list = list;
    }

    /// <summary>The resource this client addresses.</summary>
    public ApiResource Resource { get; }

    /// <summary>Reads one object.</summary>
    /// <param name="name">Object name.</param>
    /// <param name="namespace">Namespace (null for cluster-scoped resources).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object.</returns>
    /// <exception cref="KubernetesApiException">404 and every other failure.</exception>
    public Task<T> GetAsync(string name, string? @namespace = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(HttpMethod.Get, Resource.ItemPath(name, @namespace)), _item, cancellationToken);

    /// <summary>Reads one object, or returns null when it does not exist.</summary>
    /// <param name="name">Object name.</param>
    /// <param name="namespace">Namespace (null for cluster-scoped resources).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object or null.</returns>
    public async Task<T?> TryGetAsync(string name, string? @namespace = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(name, @namespace, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Lists one page.</summary>
    /// <param name="namespace">Namespace; null lists all namespaces (or a cluster-scoped resource).</param>
    /// <param name="options">Selectors, paging and resourceVersion.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page with its continue token.</returns>
    public Task<KubernetesList<T>> ListAsync(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(HttpMethod.Get, Resource.CollectionPath(@namespace) + (options?.ToQuery() ?? "")), _list, cancellationToken);

    /// <summary>
    /// Lists every page (limit defaults to 500). All pages share the first page's resourceVersion; when a
    /// continue token expires (410) the list restarts from scratch.
    /// </summary>
    /// <param name="namespace">Namespace; null lists all namespaces.</param>
    /// <param name="options">Selectors and page size; Continue is ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>All items, with the list's resourceVersion.</returns>
    public async Task<KubernetesList<T>> ListAllAsync(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        const int maxRestarts = 3;
        for (var restart = 0; ; restart++)
        {
            try
            {
                return await ListPagesAsync(@namespace, options, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (e.IsExpired && restart < maxRestarts)
            {
                // The continue token expired between pages: start over for a consistent snapshot.
            }
        }
    }

    private async Task<KubernetesList<T>> ListPagesAsync(string? @namespace, ListOptions? options, CancellationToken cancellationToken)
    {
        var page = new ListOptions
        {
            LabelSelector = options?.LabelSelector,
            FieldSelector = options?.FieldSelector,
            Limit = options?.Limit ?? 500,
            ResourceVersion = options?.ResourceVersion,
            ResourceVersionMatch = options?.ResourceVersionMatch,
        };
        var result = await ListAsync(@namespace, page, cancellationToken).ConfigureAwait(false);
        var items = new List<T>(result.Items);
        while (!string.IsNullOrEmpty(result.Metadata.Continue))
        {
            page.Continue = result.Metadata.Continue;
            page.ResourceVersion = null;
            page.ResourceVersionMatch = null;
            var next = await ListAsync(@namespace, page, cancellationToken).ConfigureAwait(false);
            items.AddRange(next.Items);
            result.Metadata.Continue = next.Metadata.Continue;
        }

        result.Items = items;
        result.Metadata.RemainingItemCount = null;
        return result;
    }

    /// <summary>
    /// Watches changes. The sequence ends when the server closes the stream; an expired resourceVersion
    /// arrives as an Error event with code 410 (see <see cref="WatchEvent{T}.IsExpired"/>) or as a
    /// <see cref="KubernetesApiException"/> with <see cref="KubernetesApiException.IsExpired"/>.
    /// </summary>
    /// <param name="namespace">Namespace; null watches all namespaces.</param>
    /// <param name="options">Start version, selectors, timeout, bookmarks.</param>
    /// <param name="cancellationToken">Stops the watch.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string? @namespace = null, WatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var path = Resource.CollectionPath(@namespace) + (options ?? new WatchOptions()).ToQuery();
        using var response = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, path), streaming: true, cancellationToken)
            .ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var e in WatchStreamReader.ReadAsync(body, _item, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    private byte[] Serialize(T value)
    {
        value.ApiVersion ??= Resource.ApiVersion;
        value.Kind ??= Resource.Kind;
        return JsonSerializer.SerializeToUtf8Bytes(value, _item);
    }

    private static string NameOf(T value) =>
        value.Metadata.Name is { Length: > 0 } name ? name : throw new ArgumentException("metadata.name is required", nameof(value));

    private string? NamespaceOf(T value)
    {
        if (!Resource.Namespaced)
        {
            return null;
        }

        return value.Metadata.Namespace is { Length: > 0 } ns
            ? ns
            : throw new ArgumentException($"{Resource.Plural} is namespaced: metadata.namespace is required", nameof(value));
    }
}
