namespace Autoscaler.Kubernetes.Models;

/// <summary>Scale-up and scale-down rules.</summary>
public sealed class HorizontalPodAutoscalerBehavior : KubernetesModel
{
    /// <summary>Rules for scaling up.</summary>
    public HpaScalingRules? ScaleUp { get; set; }

    /// <summary>Rules for scaling down.</summary>
    public HpaScalingRules? ScaleDown { get; set; }
}
