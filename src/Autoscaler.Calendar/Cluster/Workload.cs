namespace Autoscaler.Calendar.Cluster;

/// <summary>An HPA as the calendar shows it: a friendly name and the numbers the preview needs.</summary>
/// <param name="Namespace">Namespace.</param>
/// <param name="HpaName">The HPA's name (what a ScalingEvent targets).</param>
/// <param name="DisplayName">The friendly name (annotation <see cref="CalendarAnnotations.DisplayName"/>, else the HPA name).</param>
/// <param name="MinReplicas">spec.minReplicas.</param>
/// <param name="MaxReplicas">spec.maxReplicas.</param>
/// <param name="CurrentReplicas">status.currentReplicas.</param>
/// <param name="LoadPerReplica">Load one replica carries at target, or null when not annotated (no load-based preview).</param>
/// <param name="HistoryQuery">PromQL for the load history, or null.</param>
public sealed record Workload(
    string Namespace, string HpaName, string DisplayName, int MinReplicas, int MaxReplicas, int CurrentReplicas, double? LoadPerReplica, string? HistoryQuery)
{
    /// <summary>PromQL for the ready replicas over time (annotation <see cref="CalendarAnnotations.ReplicasQuery"/>), or null.</summary>
    public string? ReplicasQuery { get; init; }
}
