namespace Autoscaler.Kubernetes.Models;

/// <summary>A metric name and optional label selector.</summary>
public sealed class MetricIdentifier : KubernetesModel
{
    /// <summary>Metric name.</summary>
    public string? Name { get; set; }

    /// <summary>Narrows the metric by labels.</summary>
    public LabelSelector? Selector { get; set; }
}
