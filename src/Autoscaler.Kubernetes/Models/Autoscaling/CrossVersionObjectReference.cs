namespace Autoscaler.Kubernetes.Models;

/// <summary>A reference to a scalable object.</summary>
public sealed class CrossVersionObjectReference : KubernetesModel
{
    /// <summary>API version, such as apps/v1.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Kind, such as Deployment.</summary>
    public string? Kind { get; set; }

    /// <summary>Name.</summary>
    public string? Name { get; set; }
}
