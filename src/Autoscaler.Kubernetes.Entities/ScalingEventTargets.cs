using System.Text.Json.Serialization;
using k8s.Models;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>The HPAs an event concerns: exactly one of <see cref="HpaNames"/> or <see cref="HpaSelector"/>.</summary>
public sealed class ScalingEventTargets
{
    /// <summary>HPA names in the event's namespace.</summary>
    [JsonPropertyName("hpaNames")]
    public IList<string>? HpaNames { get; set; }

    /// <summary>A label selector over the namespace's HPAs.</summary>
    [JsonPropertyName("hpaSelector")]
    public V1LabelSelector? HpaSelector { get; set; }
}
