using System.Text.Json.Serialization;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>An event (events.k8s.io/v1).</summary>
public sealed class Event : KubernetesObject
{
    /// <summary>When the event was first observed (required).</summary>
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? EventTime { get; set; }

    /// <summary>Qualified name of the reporting controller (required).</summary>
    public string? ReportingController { get; set; }

    /// <summary>Id of the reporting instance (required, at most 128 characters).</summary>
    public string? ReportingInstance { get; set; }

    /// <summary>What was done (required).</summary>
    public string? Action { get; set; }

    /// <summary>Why (required).</summary>
    public string? Reason { get; set; }

    /// <summary>Normal or Warning.</summary>
    public string? Type { get; set; }

    /// <summary>Human-readable description, at most 1024 characters.</summary>
    public string? Note { get; set; }

    /// <summary>The object the event is about.</summary>
    public ObjectReference? Regarding { get; set; }

    /// <summary>A second object involved.</summary>
    public ObjectReference? Related { get; set; }

    /// <summary>Repeat count and last time, for repeated events.</summary>
    public EventSeries? Series { get; set; }
}
