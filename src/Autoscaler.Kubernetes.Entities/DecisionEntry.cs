using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>A decision record as kept in status (the last N): when, which HPA, what, and why.</summary>
public sealed class DecisionEntry
{
    /// <summary>When the decision was made (UTC).</summary>
    [JsonPropertyName("time")]
    public DateTime Time { get; set; }

    /// <summary>The HPA concerned, null for a whole-resource decision.</summary>
    [JsonPropertyName("hpa")]
    public string? Hpa { get; set; }

    /// <summary>What was done: RaiseFloor, HoldFloor, RestoreFloor, Recommend, Skip, Reject.</summary>
    [JsonPropertyName("action")]
    public string Action { get; set; } = "";

    /// <summary>The floor decided (replicas).</summary>
    [JsonPropertyName("floor")]
    public int? Floor { get; set; }

    /// <summary>The floor before (replicas).</summary>
    [JsonPropertyName("previousFloor")]
    public int? PreviousFloor { get; set; }

    /// <summary>Which event, forecast or limit decided, machine-readable.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Human-readable detail.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
