using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>Names the HPA a policy acts on (same namespace).</summary>
public sealed class PolicyTargetRef
{
    /// <summary>HPA name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
