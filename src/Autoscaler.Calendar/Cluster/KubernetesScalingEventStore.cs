using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.Calendar.Cluster;

/// <summary><see cref="IScalingEventStore"/> over KubernetesClient's custom-object API with the calendar's service account.</summary>
public sealed class KubernetesScalingEventStore : IScalingEventStore
{
    /// <summary>Field manager of the calendar's writes.</summary>
    public const string FieldManager = "autoscaler-calendar";

    private readonly IKubernetes _client;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public KubernetesScalingEventStore(IKubernetes client, TimeProvider time)
    {
        _client = client;
        _time = time;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<V1Alpha1ScalingEvent>> ListAsync(string ns, CancellationToken cancellationToken) => Call(async () =>
    {
        var list = await _client.CustomObjects.ListNamespacedCustomObjectAsync<V1Alpha1ScalingEventList>(
            AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.ScalingEventPlural, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<V1Alpha1ScalingEvent>)list.Items.ToList();
    });

    /// <inheritdoc />
    public async Task<V1Alpha1ScalingEvent?> GetAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await Call(() => _client.CustomObjects.GetNamespacedCustomObjectAsync<V1Alpha1ScalingEvent>(
                AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.ScalingEventPlural, name, cancellationToken)).ConfigureAwait(false);
        }
        catch (ClusterException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task<V1Alpha1ScalingEvent> CreateAsync(V1Alpha1ScalingEvent item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Call(() => _client.CustomObjects.CreateNamespacedCustomObjectAsync<V1Alpha1ScalingEvent>(
            item, AutoscalerApi.Group, AutoscalerApi.Version, item.Metadata.NamespaceProperty, AutoscalerApi.ScalingEventPlural,
            fieldManager: FieldManager, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public Task<V1Alpha1ScalingEvent> PatchAsync(string ns, string name, JsonObject patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return Call(() => _client.CustomObjects.PatchNamespacedCustomObjectAsync<V1Alpha1ScalingEvent>(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.ScalingEventPlural, name,
            fieldManager: FieldManager, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public Task PatchStatusAsync(string ns, string name, JsonObject status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var patch = new JsonObject { ["status"] = status.DeepClone() };
        return Call(() => _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.ScalingEventPlural, name,
            fieldManager: FieldManager, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public Task RecordEventAsync(V1Alpha1ScalingEvent item, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(message);
        var now = _time.GetUtcNow().UtcDateTime;
        var ns = item.Metadata.NamespaceProperty;
        var record = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = item.Metadata.Name + ".", NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = AutoscalerApi.ApiVersion, Kind = V1Alpha1ScalingEvent.KubeKind, Name = item.Metadata.Name, NamespaceProperty = ns, Uid = item.Metadata.Uid,
            },
            Type = "Normal",
            Reason = reason,
            Message = message.Length > 1024 ? message[..1024] : message,
            Source = new V1EventSource { Component = "autoscaler-calendar" },
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        return Call(() => _client.CoreV1.CreateNamespacedEventAsync(record, ns, cancellationToken: cancellationToken));
    }

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HttpOperationException e)
        {
            var code = (int)(e.Response?.StatusCode ?? HttpStatusCode.BadGateway);
            throw new ClusterException(code, $"the API server answered {code}: {ServerMessage(e.Response?.Content) ?? e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new ClusterException(502, $"the API server could not be reached: {e.Message}", e);
        }
    }

    private static async Task Call(Func<Task> call) => await Call(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    }).ConfigureAwait(false);

    /// <summary>The message of a metav1.Status body, or null.</summary>
    internal static string? ServerMessage(string? content)
    {
        if (string.IsNullOrEmpty(content)) return null;
        try
        {
            using var doc = JsonDocument.Parse(content);
            return doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() : content;
        }
        catch (JsonException)
        {
            return content;
        }
    }
}
