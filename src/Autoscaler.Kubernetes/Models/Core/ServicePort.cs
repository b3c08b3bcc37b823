namespace Autoscaler.Kubernetes.Models;

/// <summary>A port a service exposes.</summary>
public sealed class ServicePort : KubernetesModel
{
    /// <summary>Port name.</summary>
    public string? Name { get; set; }

    /// <summary>Service port.</summary>
    public int Port { get; set; }

    /// <summary>TCP, UDP or SCTP.</summary>
    public string? Protocol { get; set; }

    /// <summary>Port number or name on the pods.</summary>
    public IntOrString? TargetPort { get; set; }
}
