using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>What the controller decided and did for a ScalingEvent; written only through the status subresource.</summary>
public sealed class ScalingEventStatus
{
    /// <summary>metadata.generation of the spec this status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>One of <see cref="ScalingEventPhases"/>.</summary>
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    /// <summary>Start of the current or next occurrence (UTC).</summary>
    [JsonPropertyName("nextStart")]
    public DateTime? NextStart { get; set; }

    /// <summary>End of the current or next occurrence (UTC).</summary>
    [JsonPropertyName("nextEnd")]
    public DateTime? NextEnd { get; set; }

    /// <summary>The lead time applied, as a duration (90s, 5m).</summary>
    [JsonPropertyName("leadTimeUsed")]
    public string? LeadTimeUsed { get; set; }

    /// <summary>Spec, MeasuredPods or Default.</summary>
    [JsonPropertyName("leadTimeSource")]
    public string? LeadTimeSource { get; set; }

    /// <summary>The user whose approval was checked with a SubjectAccessReview.</summary>
    [JsonPropertyName("approvedBy")]
    public string? ApprovedBy { get; set; }

    /// <summary>When the approval was recorded (UTC).</summary>
    [JsonPropertyName("approvedAt")]
    public DateTime? ApprovedAt { get; set; }

    /// <summary>metadata.generation that was approved; a later spec change needs a new approval.</summary>
    [JsonPropertyName("approvedGeneration")]
    public long? ApprovedGeneration { get; set; }

    /// <summary>The planned and applied floor per target HPA.</summary>
    [JsonPropertyName("targets")]
    public IList<TargetFloorStatus>? Targets { get; set; }

    /// <summary>The last decision records, newest last (at most 20).</summary>
    [JsonPropertyName("decisions")]
    public IList<DecisionEntry>? Decisions { get; set; }

    /// <summary>Conditions keyed by type (Valid, Approved, FloorApplied, Conflict).</summary>
    [JsonPropertyName("conditions")]
    public IList<ResourceCondition>? Conditions { get; set; }
}
