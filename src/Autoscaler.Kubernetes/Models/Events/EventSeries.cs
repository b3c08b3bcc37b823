using System.Text.Json.Serialization;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>Repeat information of an event.</summary>
public sealed class EventSeries : KubernetesModel
{
    /// <summary>How many times it happened (at least 2).</summary>
    public int Count { get; set; }

    /// <summary>When it last happened.</summary>
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? LastObservedTime { get; set; }
}
