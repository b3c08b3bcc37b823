using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>
/// Repeats an event's window: an occurrence starts at every time of <see cref="Schedule"/> (5-field cron, read in the
/// event's time zone) from the event's start on, lasts end - start, and none starts after <see cref="Until"/>.
/// </summary>
public sealed class EventRecurrence
{
    /// <summary>Cron schedule: minute hour day-of-month month day-of-week ("0 18 * * FRI").</summary>
    [JsonPropertyName("schedule")]
    public string Schedule { get; set; } = "";

    /// <summary>No occurrence starts after this time (same forms as the event's start); unbounded when null.</summary>
    [JsonPropertyName("until")]
    public string? Until { get; set; }
}
