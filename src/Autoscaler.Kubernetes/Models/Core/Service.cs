namespace Autoscaler.Kubernetes.Models;

/// <summary>A service (core/v1).</summary>
public sealed class Service : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public ServiceSpec? Spec { get; set; }
}
