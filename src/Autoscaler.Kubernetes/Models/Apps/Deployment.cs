namespace Autoscaler.Kubernetes.Models;

/// <summary>A deployment (apps/v1).</summary>
public sealed class Deployment : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public DeploymentSpec? Spec { get; set; }

    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public DeploymentStatus? Status { get; set; }
}
