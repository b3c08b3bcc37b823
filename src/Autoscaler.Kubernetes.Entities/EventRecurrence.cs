using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>Repeats an event's window every <see cref="Interval"/> days or weeks, in the event's time zone.</summary>
public sealed class EventRecurrence
{
    /// <summary>Daily or Weekly.</summary>
    [JsonPropertyName("frequency")]
    public string Frequency { get; set; } = "Daily";

    /// <summary>Every Nth period; 1 when null.</summary>
    [JsonPropertyName("interval")]
    public int? Interval { get; set; }

    /// <summary>Number of occurrences including the first; unbounded when null (unless <see cref="Until"/>).</summary>
    [JsonPropertyName("count")]
    public int? Count { get; set; }

    /// <summary>No occurrence starts after this instant (same forms as the event's start).</summary>
    [JsonPropertyName("until")]
    public string? Until { get; set; }
}
