namespace Autoscaler.Kubernetes.Models;

/// <summary>One endpoint port.</summary>
public sealed class EndpointPort : KubernetesModel
{
    /// <summary>Port name, matching the service port name.</summary>
    public string? Name { get; set; }

    /// <summary>Port number.</summary>
    public int Port { get; set; }

    /// <summary>TCP, UDP or SCTP.</summary>
    public string? Protocol { get; set; }
}
