namespace Autoscaler.Kubernetes.Models;

/// <summary>One rate-limit policy: Pods or Percent per period.</summary>
public sealed class HpaScalingPolicy : KubernetesModel
{
    /// <summary>Pods or Percent.</summary>
    public string? Type { get; set; }

    /// <summary>Amount per period.</summary>
    public int Value { get; set; }

    /// <summary>Length of the period.</summary>
    public int PeriodSeconds { get; set; }
}
