namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>The <c>target.type</c> of a metric spec.</summary>
public enum MetricTargetType
{
    /// <summary>Percent of the pods' requests (Resource and ContainerResource only).</summary>
    Utilization,

    /// <summary>Value per pod.</summary>
    AverageValue,

    /// <summary>Total value (Object and External only).</summary>
    Value,
}
