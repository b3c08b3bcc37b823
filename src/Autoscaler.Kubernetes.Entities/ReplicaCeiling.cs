using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>An explicit cap on replicas during an event, stated with its reason (a load test, a cost cap).</summary>
public sealed class ReplicaCeiling
{
    /// <summary>At most this many replicas, 1..10000.</summary>
    [JsonPropertyName("maxReplicas")]
    public int MaxReplicas { get; set; }

    /// <summary>Why the cap exists; required so the override is never implied.</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; set; } = "";
}
