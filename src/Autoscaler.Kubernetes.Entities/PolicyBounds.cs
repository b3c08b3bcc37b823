using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>Safety bounds on a policy's floor.</summary>
public sealed class PolicyBounds
{
    /// <summary>The floor never exceeds this (nor the HPA's maxReplicas).</summary>
    [JsonPropertyName("maxFloor")]
    public int? MaxFloor { get; set; }

    /// <summary>The floor rises by at most this many replicas per reconcile.</summary>
    [JsonPropertyName("maxStepUp")]
    public int? MaxStepUp { get; set; }
}
