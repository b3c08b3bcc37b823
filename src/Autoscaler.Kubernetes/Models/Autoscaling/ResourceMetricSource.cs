namespace Autoscaler.Kubernetes.Models;

/// <summary>A resource metric source.</summary>
public sealed class ResourceMetricSource : KubernetesModel
{
    /// <summary>cpu or memory.</summary>
    public string? Name { get; set; }

    /// <summary>The target value.</summary>
    public MetricTarget? Target { get; set; }
}
