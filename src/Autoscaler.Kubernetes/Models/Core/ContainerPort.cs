using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>A port a container exposes.</summary>
public sealed class ContainerPort : KubernetesModel
{
    /// <summary>Port name.</summary>
    public string? Name { get; set; }

    /// <summary>Port number.</summary>
    [JsonPropertyName("containerPort")]
    public int Port { get; set; }

    /// <summary>TCP, UDP or SCTP.</summary>
    public string? Protocol { get; set; }
}
