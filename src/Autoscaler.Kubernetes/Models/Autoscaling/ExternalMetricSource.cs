namespace Autoscaler.Kubernetes.Models;

/// <summary>An external metric source.</summary>
public sealed class ExternalMetricSource : KubernetesModel
{
    /// <summary>Which metric.</summary>
    public MetricIdentifier? Metric { get; set; }

    /// <summary>The target value.</summary>
    public MetricTarget? Target { get; set; }
}
