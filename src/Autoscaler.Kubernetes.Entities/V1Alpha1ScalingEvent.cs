using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>A scheduled event before which the controller raises the targets' replica floor (manifests/crds/scalingevents.yaml).</summary>
[KubernetesEntity(Group = AutoscalerApi.Group, ApiVersion = AutoscalerApi.Version, Kind = KubeKind, PluralName = AutoscalerApi.ScalingEventPlural)]
public sealed class V1Alpha1ScalingEvent : IKubernetesObject<V1ObjectMeta>, ISpec<ScalingEventSpec>, IStatus<ScalingEventStatus?>
{
    /// <summary>The kind name.</summary>
    public const string KubeKind = "ScalingEvent";

    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = AutoscalerApi.ApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <inheritdoc />
    [JsonPropertyName("spec")]
    public ScalingEventSpec Spec { get; set; } = new();

    /// <inheritdoc />
    [JsonPropertyName("status")]
    public ScalingEventStatus? Status { get; set; }
}
