namespace Autoscaler.Kubernetes.Models;

/// <summary>The scale subresource (autoscaling/v1 Scale) of deployments, stateful sets and custom resources.</summary>
public sealed class Scale : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public ScaleSpec? Spec { get; set; }

    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public ScaleStatus? Status { get; set; }
}
