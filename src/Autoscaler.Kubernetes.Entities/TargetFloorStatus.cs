using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>One target HPA's floor as planned and as applied.</summary>
public sealed class TargetFloorStatus
{
    /// <summary>HPA name.</summary>
    [JsonPropertyName("hpa")]
    public string Hpa { get; set; } = "";

    /// <summary>The floor the plan asks for during the window (replicas).</summary>
    [JsonPropertyName("plannedFloor")]
    public int? PlannedFloor { get; set; }

    /// <summary>The floor currently applied to the HPA, null when none.</summary>
    [JsonPropertyName("appliedFloor")]
    public int? AppliedFloor { get; set; }

    /// <summary>spec.minReplicas before the first floor (also kept in an HPA annotation).</summary>
    [JsonPropertyName("originalMinReplicas")]
    public int? OriginalMinReplicas { get; set; }

    /// <summary>autoscaling/v2 or autoscaling/v2beta2, whichever the apiserver serves.</summary>
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }
}
