using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.Controller.Cluster;

/// <summary>
/// <see cref="IClusterWriter"/> over KubernetesClient: server-side apply on /apis/autoscaling/{v2|v2beta2} under the
/// field manager <see cref="AutoscalerApi.FieldManager"/>, JSON merge patches on the CRs' status subresource, core/v1 Events.
/// </summary>
public sealed class KubernetesClusterWriter : IClusterWriter
{
    private readonly IKubernetes _client;
    private readonly TimeProvider _time;
    private readonly string _component;

    /// <summary>Creates the writer.</summary>
    /// <param name="client">The client.</param>
    /// <param name="time">Clock for Event timestamps.</param>
    /// <param name="component">Event source component (the replica's identity).</param>
    public KubernetesClusterWriter(IKubernetes client, TimeProvider time, string component)
    {
        _client = client;
        _time = time;
        _component = component;
    }

    /// <inheritdoc />
    public async Task<ApplyOutcome> ApplyMinReplicasAsync(
        HpaView hpa, int minReplicas, IReadOnlyDictionary<string, string> annotations, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hpa);
        var body = new JsonObject
        {
            ["apiVersion"] = "autoscaling/" + hpa.ApiVersion,
            ["kind"] = "HorizontalPodAutoscaler",
            ["metadata"] = new JsonObject
            {
                ["name"] = hpa.Name,
                ["namespace"] = hpa.Namespace,
                ["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))),
            },
            ["spec"] = new JsonObject { ["minReplicas"] = minReplicas },
        };
        try
        {
            await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch),
                "autoscaling", hpa.ApiVersion, hpa.Namespace, "horizontalpodautoscalers", hpa.Name,
                fieldManager: AutoscalerApi.FieldManager, force: force, cancellationToken: cancellationToken).ConfigureAwait(false);
            return ApplyOutcome.Success;
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict)
        {
            return ApplyOutcome.Conflicted(StatusMessage(e.Response.Content));
        }
    }

    /// <inheritdoc />
    public async Task PatchStatusAsync(ObjectRef target, JsonObject status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var plural = target.Kind == V1Alpha1ScalingEvent.KubeKind ? AutoscalerApi.ScalingEventPlural : AutoscalerApi.PredictivePolicyPlural;
        var patch = new JsonObject { ["status"] = status.DeepClone() };
        await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            AutoscalerApi.Group, AutoscalerApi.Version, target.Namespace, plural, target.Name,
            fieldManager: AutoscalerApi.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RecordEventAsync(ObjectRef target, bool warning, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var now = _time.GetUtcNow().UtcDateTime;
        var item = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = target.Name + ".", NamespaceProperty = target.Namespace },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = target.ApiVersion, Kind = target.Kind, Name = target.Name, NamespaceProperty = target.Namespace, Uid = target.Uid,
            },
            Type = warning ? "Warning" : "Normal",
            Reason = reason,
            Message = message.Length > 1024 ? message[..1024] : message,
            Source = new V1EventSource { Component = "autoscaler-controller" },
            ReportingComponent = "autoscaler.dev/controller",
            ReportingInstance = _component,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        await _client.CoreV1.CreateNamespacedEventAsync(item, target.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string StatusMessage(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return "conflict";
        }

        try
        {
            using var doc = JsonDocument.Parse(content);
            return doc.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? content : content;
        }
        catch (JsonException)
        {
            return content;
        }
    }
}
