using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Autoscaling;

/// <summary>
/// HorizontalPodAutoscalers in the newest version the server serves: <c>autoscaling/v2</c> (Kubernetes 1.23+)
/// or <c>autoscaling/v2beta2</c> (1.12-1.25; the local 1.20 control plane). KubernetesClient 21 only has typed
/// calls for v1 and v2, so this goes through its generic object paths and reads both versions into
/// <see cref="V2HorizontalPodAutoscaler"/> (v2beta2 has the same shape). Writes are server-side apply only.
/// </summary>
public sealed class HorizontalPodAutoscalerApi
{
    private const string Group = "autoscaling";
    private const string Plural = "horizontalpodautoscalers";
    private readonly IKubernetes _client;

    private HorizontalPodAutoscalerApi(IKubernetes client, string version)
    {
        _client = client;
        Version = version;
    }

    /// <summary>The served version in use: "v2" or "v2beta2".</summary>
    public string Version { get; }

    /// <summary>The apiVersion written into applied objects, such as "autoscaling/v2beta2".</summary>
    public string ApiVersion => $"{Group}/{Version}";

    /// <summary>The preferred HPA version among the served ones: v2, else v2beta2, else null.</summary>
    /// <param name="served">Versions from the autoscaling group's discovery document.</param>
    /// <returns>The version, or null when neither is served.</returns>
    public static string? ChooseVersion(IEnumerable<string> served)
    {
        var set = served.ToHashSet(StringComparer.Ordinal);
        return new[] { "v2", "v2beta2" }.FirstOrDefault(set.Contains);
    }

    /// <summary>Reads the autoscaling group's discovery document (<c>GET /apis/autoscaling</c>) and picks the version.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The API for the chosen version.</returns>
    /// <exception cref="NotSupportedException">The server serves neither v2 nor v2beta2.</exception>
    public static async Task<HorizontalPodAutoscalerApi> DiscoverAsync(IKubernetes client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var group = await client.Autoscaling.GetAPIGroupAsync(cancellationToken).ConfigureAwait(false);
        var served = (group.Versions ?? []).Select(v => v.Version).ToList();
        var version = ChooseVersion(served)
            ?? throw new NotSupportedException($"the server serves autoscaling {string.Join(", ", served)}, neither v2 nor v2beta2");
        return new HorizontalPodAutoscalerApi(client, version);
    }

    /// <summary>Reads one HPA.</summary>
    /// <param name="namespace">Its namespace.</param>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The HPA.</returns>
    public Task<V2HorizontalPodAutoscaler> ReadAsync(string @namespace, string name, CancellationToken cancellationToken = default) =>
        _client.CustomObjects.GetNamespacedCustomObjectAsync<V2HorizontalPodAutoscaler>(Group, Version, @namespace, Plural, name, cancellationToken);

    /// <summary>Lists the HPAs of a namespace (one page of at most <paramref name="limit"/> when given).</summary>
    /// <param name="namespace">The namespace.</param>
    /// <param name="limit">Page size, or null for all.</param>
    /// <param name="continueToken">The previous page's continue token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The list.</returns>
    public Task<V2HorizontalPodAutoscalerList> ListAsync(
        string @namespace, int? limit = null, string? continueToken = null, CancellationToken cancellationToken = default) =>
        _client.CustomObjects.ListNamespacedCustomObjectAsync<V2HorizontalPodAutoscalerList>(
            Group, Version, @namespace, Plural, continueParameter: continueToken, limit: limit, cancellationToken: cancellationToken);

    /// <summary>The list+watch of HPAs for an <see cref="Informer{T}"/>: one namespace, or all when null.</summary>
    /// <param name="namespace">The namespace, or null for every namespace.</param>
    /// <returns>The source.</returns>
    public KubernetesListWatch<V2HorizontalPodAutoscaler, V2HorizontalPodAutoscalerList> ListWatch(string? @namespace) =>
        CustomObjectListWatch.Create<V2HorizontalPodAutoscaler, V2HorizontalPodAutoscalerList>(_client, Group, Version, Plural, @namespace);

    /// <summary>
    /// Server-side apply of the fields in <paramref name="applyConfiguration"/> (such as
    /// <c>new { spec = new { minReplicas = 3 } }</c>); apiVersion, kind, name and namespace are filled in. Only
    /// the fields given are owned by <paramref name="fieldManager"/>; nothing else of the object is touched.
    /// </summary>
    /// <param name="namespace">The HPA's namespace.</param>
    /// <param name="name">The HPA's name.</param>
    /// <param name="applyConfiguration">The fields this manager owns, as an object that serializes to JSON.</param>
    /// <param name="fieldManager">The field manager, such as "autoscaler-prescale".</param>
    /// <param name="force">Take over fields another manager owns instead of failing with 409.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The HPA after the apply.</returns>
    public async Task<V2HorizontalPodAutoscaler> ApplyAsync(
        string @namespace, string name, object applyConfiguration, string fieldManager, bool force = false, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToNode(applyConfiguration) as JsonObject
            ?? throw new ArgumentException("the apply configuration must serialize to a JSON object", nameof(applyConfiguration));
        body["apiVersion"] = ApiVersion;
        body["kind"] = "HorizontalPodAutoscaler";
        var metadata = body["metadata"] as JsonObject ?? [];
        body.Remove("metadata");
        metadata["name"] = name;
        metadata["namespace"] = @namespace;
        body["metadata"] = metadata;
        return await _client.CustomObjects.PatchNamespacedCustomObjectAsync<V2HorizontalPodAutoscaler>(
            new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch), Group, Version, @namespace, Plural, name,
            fieldManager: fieldManager, force: force, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
