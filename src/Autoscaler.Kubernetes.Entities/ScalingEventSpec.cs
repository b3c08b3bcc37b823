using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>What the event is, when, for which HPAs and how much load (the CRD validates shapes and ranges).</summary>
public sealed class ScalingEventSpec
{
    /// <summary>Exactly one of HPA names or an HPA label selector, in the event's namespace.</summary>
    [JsonPropertyName("targets")]
    public ScalingEventTargets Targets { get; set; } = new();

    /// <summary>RFC 3339 with offset, or a local time without offset read in <see cref="TimeZone"/>.</summary>
    [JsonPropertyName("start")]
    public string Start { get; set; } = "";

    /// <summary>Same forms as <see cref="Start"/>; must be after it.</summary>
    [JsonPropertyName("end")]
    public string End { get; set; } = "";

    /// <summary>IANA zone for local times and recurrence; UTC when null.</summary>
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; set; }

    /// <summary>Optional repetition of the window.</summary>
    [JsonPropertyName("recurrence")]
    public EventRecurrence? Recurrence { get; set; }

    /// <summary>Event kind (flash-sale, match, load-test), a DNS label.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>Free text.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Exactly one of multiplier, bump percent or absolute floor.</summary>
    [JsonPropertyName("expectedLoad")]
    public ExpectedLoad ExpectedLoad { get; set; } = new();

    /// <summary>Go-style duration over which the floor rises before start; null for a step.</summary>
    [JsonPropertyName("ramp")]
    public string? Ramp { get; set; }

    /// <summary>A duration or "auto" (measured from the targets' pods); auto when null.</summary>
    [JsonPropertyName("leadTime")]
    public string? LeadTime { get; set; }

    /// <summary>An explicit, stated cap on replicas during the event; null means none.</summary>
    [JsonPropertyName("ceiling")]
    public ReplicaCeiling? Ceiling { get; set; }

    /// <summary>True cancels the event and removes its floor.</summary>
    [JsonPropertyName("cancelled")]
    public bool? Cancelled { get; set; }
}
