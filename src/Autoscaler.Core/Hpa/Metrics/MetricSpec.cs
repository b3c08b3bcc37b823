namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>One entry of <c>spec.metrics</c>.</summary>
/// <param name="Type">The metric source type.</param>
/// <param name="Target">The target; see <see cref="MetricTarget"/>.</param>
public sealed record MetricSpec(MetricSourceType Type, MetricTarget Target)
{
    /// <summary>The API default metric: cpu Resource at 80 % utilization.</summary>
    public static MetricSpec DefaultCpu { get; } = new(MetricSourceType.Resource, MetricTarget.Utilization(80)) { ResourceName = "cpu" };

    /// <summary>Resource name for Resource and ContainerResource metrics (<c>cpu</c> enables the readiness rules).</summary>
    public string? ResourceName { get; init; }

    /// <summary>Container name for ContainerResource metrics.</summary>
    public string? ContainerName { get; init; }

    /// <summary>Metric name for Pods, Object and External metrics (informational; used in messages).</summary>
    public string? MetricName { get; init; }

    /// <summary>True when the cpu readiness rules of HPA_SPEC.md §5 step 4 apply.</summary>
    public bool IsCpu => Type is MetricSourceType.Resource or MetricSourceType.ContainerResource
        && string.Equals(ResourceName, "cpu", StringComparison.Ordinal);

    /// <summary>The key under which each pod's request for this metric is found in <see cref="Pods.PodSnapshot.RequestsMilli"/>.</summary>
    public string RequestKey => Pods.PodSnapshot.RequestKey(ResourceName ?? string.Empty, Type == MetricSourceType.ContainerResource ? ContainerName : null);
}
