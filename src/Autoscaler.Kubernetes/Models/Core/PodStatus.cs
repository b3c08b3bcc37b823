using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>Observed state of a pod.</summary>
public sealed class PodStatus : KubernetesModel
{
    /// <summary>Pending, Running, Succeeded, Failed or Unknown.</summary>
    public string? Phase { get; set; }

    /// <summary>Pod conditions; Ready=True is what the HPA and endpoints look at.</summary>
    public IList<Condition>? Conditions { get; set; }

    /// <summary>The pod's primary IP.</summary>
    [JsonPropertyName("podIP")]
    public string? PodIP { get; set; }

    /// <summary>The node's IP.</summary>
    [JsonPropertyName("hostIP")]
    public string? HostIP { get; set; }

    /// <summary>When the kubelet accepted the pod.</summary>
    public DateTimeOffset? StartTime { get; set; }
}
