namespace Autoscaler.Kubernetes.Models;

/// <summary>A reference from a dependent to its owner.</summary>
public sealed class OwnerReference : KubernetesModel
{
    /// <summary>Owner API version.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Owner kind.</summary>
    public string? Kind { get; set; }

    /// <summary>Owner name.</summary>
    public string? Name { get; set; }

    /// <summary>Owner uid.</summary>
    public string? Uid { get; set; }

    /// <summary>True when the owner is the managing controller.</summary>
    public bool? Controller { get; set; }

    /// <summary>True when foreground deletion of the owner waits for this object.</summary>
    public bool? BlockOwnerDeletion { get; set; }
}
