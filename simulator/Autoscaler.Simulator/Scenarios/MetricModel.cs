using Autoscaler.Core.Quantities;

namespace Autoscaler.Simulator.Scenarios;

/// <summary>The metric the HPA sees and its target.</summary>
internal sealed record MetricModel
{
    /// <summary><see cref="MetricKind.External"/>: demand per minute. <see cref="MetricKind.Utilization"/>: modelled CPU.</summary>
    public required MetricKind Type { get; init; }

    /// <summary>External target per pod (AverageValue), a Kubernetes quantity (<c>700</c>, <c>500m</c>, <c>1.5k</c>).</summary>
    public Quantity? AverageValue { get; init; }

    /// <summary>External target for the total (Value), a Kubernetes quantity.</summary>
    public Quantity? Value { get; init; }

    /// <summary>Utilization target in percent of the CPU request.</summary>
    public int? AverageUtilization { get; init; }

    /// <summary>Scrape plus query latency: the HPA at time t sees the demand of t − delay.</summary>
    public int DelaySeconds { get; init; }
}
