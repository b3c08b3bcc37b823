using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>A status condition (metav1.Condition shape; status is "True", "False" or "Unknown").</summary>
public sealed class ResourceCondition
{
    /// <summary>Condition type, CamelCase (Valid, Approved, FloorApplied, Conflict).</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>"True", "False" or "Unknown".</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = "Unknown";

    /// <summary>metadata.generation the condition was computed for.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>When status last changed (UTC).</summary>
    [JsonPropertyName("lastTransitionTime")]
    public DateTime? LastTransitionTime { get; set; }

    /// <summary>CamelCase machine-readable reason (UnknownHpa, UnknownTimeZone, EndBeforeStart, LocalTimeInDstGap).</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Human-readable detail naming the field at fault.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
