using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>Forecast-driven replica floors for one HPA (manifests/crds/predictivepolicies.yaml).</summary>
[KubernetesEntity(Group = AutoscalerApi.Group, ApiVersion = AutoscalerApi.Version, Kind = KubeKind, PluralName = AutoscalerApi.PredictivePolicyPlural)]
public sealed class V1Alpha1PredictivePolicy : IKubernetesObject<V1ObjectMeta>, ISpec<PredictivePolicySpec>, IStatus<PredictivePolicyStatus?>
{
    /// <summary>The kind name.</summary>
    public const string KubeKind = "PredictivePolicy";

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
    public PredictivePolicySpec Spec { get; set; } = new();

    /// <inheritdoc />
    [JsonPropertyName("status")]
    public PredictivePolicyStatus? Status { get; set; }
}
