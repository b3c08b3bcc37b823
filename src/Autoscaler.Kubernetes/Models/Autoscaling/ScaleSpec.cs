namespace Autoscaler.Kubernetes.Models;

/// <summary>Desired replicas of a scale subresource.</summary>
public sealed class ScaleSpec : KubernetesModel
{
    /// <summary>Desired replicas; absent means 0.</summary>
    public int? Replicas { get; set; }
}
