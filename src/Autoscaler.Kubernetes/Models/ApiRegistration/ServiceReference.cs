namespace Autoscaler.Kubernetes.Models;

/// <summary>A reference to a service (namespace, name, port).</summary>
public sealed class ServiceReference : KubernetesModel
{
    /// <summary>Service namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>Service name.</summary>
    public string? Name { get; set; }

    /// <summary>Service port (default 443).</summary>
    public int? Port { get; set; }
}
