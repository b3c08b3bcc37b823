namespace Autoscaler.Kubernetes.Models;

/// <summary>An object metric source.</summary>
public sealed class ObjectMetricSource : KubernetesModel
{
    /// <summary>The object the metric describes.</summary>
    public CrossVersionObjectReference? DescribedObject { get; set; }

    /// <summary>Which metric.</summary>
    public MetricIdentifier? Metric { get; set; }

    /// <summary>The target value.</summary>
    public MetricTarget? Target { get; set; }
}
