using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>A list of <see cref="V1Alpha1PredictivePolicy"/> as returned by list calls.</summary>
public sealed class V1Alpha1PredictivePolicyList : IKubernetesObject<V1ListMeta>, IItems<V1Alpha1PredictivePolicy>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = AutoscalerApi.ApiVersion;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "PredictivePolicyList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <inheritdoc />
    [JsonPropertyName("items")]
    public IList<V1Alpha1PredictivePolicy> Items { get; set; } = [];
}
