namespace Autoscaler.Kubernetes.Models;

/// <summary>A pods metric source.</summary>
public sealed class PodsMetricSource : KubernetesModel
{
    /// <summary>Which metric.</summary>
    public MetricIdentifier? Metric { get; set; }

    /// <summary>The target value.</summary>
    public MetricTarget? Target { get; set; }
}
