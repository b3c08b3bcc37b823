namespace Autoscaler.Kubernetes.Models;

/// <summary>Rules for one direction of scaling.</summary>
public sealed class HpaScalingRules : KubernetesModel
{
    /// <summary>Window over which recommendations are smoothed.</summary>
    public int? StabilizationWindowSeconds { get; set; }

    /// <summary>Max, Min or Disabled.</summary>
    public string? SelectPolicy { get; set; }

    /// <summary>Rate limits.</summary>
    public IList<HpaScalingPolicy>? Policies { get; set; }
}
