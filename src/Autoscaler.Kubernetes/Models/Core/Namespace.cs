namespace Autoscaler.Kubernetes.Models;

/// <summary>A namespace (core/v1).</summary>
public sealed class Namespace : KubernetesObject
{
    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public NamespaceStatus? Status { get; set; }
}
