namespace Autoscaler.Kubernetes.Models;

/// <summary>A HorizontalPodAutoscaler in autoscaling/v2 or autoscaling/v2beta2 (same shape; the served version is discovered).</summary>
public sealed class HorizontalPodAutoscaler : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public HorizontalPodAutoscalerSpec? Spec { get; set; }

    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public HorizontalPodAutoscalerStatus? Status { get; set; }
}
