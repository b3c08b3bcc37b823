namespace Autoscaler.Kubernetes.Models;

/// <summary>A lease (coordination.k8s.io/v1), used for leader election.</summary>
public sealed class Lease : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public LeaseSpec? Spec { get; set; }
}
