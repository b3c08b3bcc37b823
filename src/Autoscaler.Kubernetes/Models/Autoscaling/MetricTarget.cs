namespace Autoscaler.Kubernetes.Models;

/// <summary>The target of a metric: a type and one value.</summary>
public sealed class MetricTarget : KubernetesModel
{
    /// <summary>Utilization, Value or AverageValue.</summary>
    public string? Type { get; set; }

    /// <summary>Target total value as a quantity string.</summary>
    public string? Value { get; set; }

    /// <summary>Target per-pod value as a quantity string.</summary>
    public string? AverageValue { get; set; }

    /// <summary>Target percentage of the requests.</summary>
    public int? AverageUtilization { get; set; }
}
