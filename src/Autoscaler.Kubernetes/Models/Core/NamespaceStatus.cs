namespace Autoscaler.Kubernetes.Models;

/// <summary>Observed state of a namespace.</summary>
public sealed class NamespaceStatus : KubernetesModel
{
    /// <summary>Active or Terminating.</summary>
    public string? Phase { get; set; }
}
