namespace Autoscaler.Kubernetes.Models;

/// <summary>A stateful set (apps/v1).</summary>
public sealed class StatefulSet : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public StatefulSetSpec? Spec { get; set; }

    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public StatefulSetStatus? Status { get; set; }
}
