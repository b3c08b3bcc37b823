namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>The outcome of one metric spec in one reconcile: a replica proposal with its status value, or an error.</summary>
/// <param name="Replicas">The proposal (≥ 0); meaningless when <see cref="Error"/> is set.</param>
/// <param name="Error">Why the metric is invalid, or <c>null</c>.</param>
/// <param name="Reason">The ScalingActive reason when invalid (e.g. <c>FailedGetResourceMetric</c>), else <c>null</c>.</param>
public sealed record MetricProposal(int Replicas, string? Error, string? Reason)
{
    /// <summary>Resource Utilization: the current utilization percent reported in status.</summary>
    public int? UtilizationPercent { get; init; }

    /// <summary>
    /// The value reported in status: Resource raw average <c>floor(Σu/n)</c>, Pods average, Object/External
    /// Value total, or AverageValue <c>ceil(v/statusReplicas)</c>.
    /// </summary>
    public long? StatusValueMilli { get; init; }

    /// <summary>True when the metric produced a usable proposal.</summary>
    public bool IsValid => Error is null;

    /// <summary>An invalid metric.</summary>
    public static MetricProposal Invalid(string reason, string error) => new(0, error, reason);
}
