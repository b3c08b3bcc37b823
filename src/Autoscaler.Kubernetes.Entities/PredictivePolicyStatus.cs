using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>A policy's forecast, floors, accuracy and conditions; written only through the status subresource.</summary>
public sealed class PredictivePolicyStatus
{
    /// <summary>metadata.generation this status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>The mode in force after the trust gate (auto falls back to recommend).</summary>
    [JsonPropertyName("effectiveMode")]
    public string? EffectiveMode { get; set; }

    /// <summary>The floor currently applied (replicas), null when none.</summary>
    [JsonPropertyName("activeFloor")]
    public int? ActiveFloor { get; set; }

    /// <summary>The floor the planner recommends (replicas).</summary>
    [JsonPropertyName("recommendedFloor")]
    public int? RecommendedFloor { get; set; }

    /// <summary>spec.minReplicas of the HPA before the first floor.</summary>
    [JsonPropertyName("originalMinReplicas")]
    public int? OriginalMinReplicas { get; set; }

    /// <summary>Who approved the current recommendation (recommend mode).</summary>
    [JsonPropertyName("approvedBy")]
    public string? ApprovedBy { get; set; }

    /// <summary>When it was approved (UTC).</summary>
    [JsonPropertyName("approvedAt")]
    public DateTime? ApprovedAt { get; set; }

    /// <summary>metadata.generation that was approved; a later spec change needs a new approval.</summary>
    [JsonPropertyName("approvedGeneration")]
    public long? ApprovedGeneration { get; set; }

    /// <summary>The lead time used, as a duration.</summary>
    [JsonPropertyName("leadTimeUsed")]
    public string? LeadTimeUsed { get; set; }

    /// <summary>The current forecast summary.</summary>
    [JsonPropertyName("forecast")]
    public ForecastSummary? Forecast { get; set; }

    /// <summary>Rolling accuracy and the trust gate's verdict.</summary>
    [JsonPropertyName("accuracy")]
    public AccuracySummary? Accuracy { get; set; }

    /// <summary>The last decision records, newest last.</summary>
    [JsonPropertyName("decisions")]
    public IList<DecisionEntry>? Decisions { get; set; }

    /// <summary>Conditions keyed by type.</summary>
    [JsonPropertyName("conditions")]
    public IList<ResourceCondition>? Conditions { get; set; }
}
