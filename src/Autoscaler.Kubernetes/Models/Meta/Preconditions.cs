namespace Autoscaler.Kubernetes.Models;

/// <summary>Preconditions that must hold for a delete to happen.</summary>
public sealed class Preconditions : KubernetesModel
{
    /// <summary>Expected uid.</summary>
    public string? Uid { get; set; }

    /// <summary>Expected resourceVersion.</summary>
    public string? ResourceVersion { get; set; }
}
