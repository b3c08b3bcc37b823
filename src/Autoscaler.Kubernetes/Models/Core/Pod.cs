namespace Autoscaler.Kubernetes.Models;

/// <summary>A pod (core/v1). Without a kubelet its status is written through the pods/status subresource.</summary>
public sealed class Pod : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public PodSpec? Spec { get; set; }

    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public PodStatus? Status { get; set; }
}
