namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>The <c>type</c> of an <c>autoscaling/v2</c> metric spec.</summary>
public enum MetricSourceType
{
    /// <summary>A resource (cpu, memory) summed over each pod's containers.</summary>
    Resource,

    /// <summary>A resource of one named container in each pod.</summary>
    ContainerResource,

    /// <summary>A custom metric reported per pod.</summary>
    Pods,

    /// <summary>A custom metric describing one Kubernetes object.</summary>
    Object,

    /// <summary>A metric from outside the cluster; all returned series are summed.</summary>
    External,

    /// <summary>An unknown metric type: always invalid (InvalidMetricSourceType).</summary>
    Invalid,
}
