namespace Autoscaler.Kubernetes.Models;

/// <summary>One metric of an HPA: the type names which of the sources is set.</summary>
public sealed class MetricSpec : KubernetesModel
{
    /// <summary>Resource, Pods, Object, External or ContainerResource.</summary>
    public string? Type { get; set; }

    /// <summary>A resource (CPU, memory) metric of the pods.</summary>
    public ResourceMetricSource? Resource { get; set; }

    /// <summary>A per-pod custom metric.</summary>
    public PodsMetricSource? Pods { get; set; }

    /// <summary>A custom metric of one object.</summary>
    public ObjectMetricSource? Object { get; set; }

    /// <summary>A metric from outside the cluster.</summary>
    public ExternalMetricSource? External { get; set; }
}
