namespace Autoscaler.Simulator.Engine;

/// <summary>What the HPA controller can observe at one sync: the scale subresource, the pods, the metric.</summary>
internal readonly ref struct SyncContext
{
    public required DateTime Now { get; init; }

    /// <summary><c>scale.spec.replicas</c>.</summary>
    public required int SpecReplicas { get; init; }

    /// <summary><c>scale.status.replicas</c>: pods that exist (starting or ready).</summary>
    public required int StatusReplicas { get; init; }

    /// <summary>The metric value the HPA reads (External: demand per minute, after the metric delay).</summary>
    public required double MetricValue { get; init; }

    /// <summary>Ready pods: id, creation and ready-transition ticks.</summary>
    public required ReadOnlySpan<(long Id, long CreatedAt, long ReadyAt)> ReadyPods { get; init; }

    /// <summary>Starting (not yet ready) pods: id and creation ticks.</summary>
    public required ReadOnlySpan<(long Id, long CreatedAt)> StartingPods { get; init; }

    /// <summary>Per-ready-pod CPU use in millicores (Utilization metric only, else 0).</summary>
    public long PodCpuMilli { get; init; }

    /// <summary>The pre-scale floor the planner holds now (0: none); the decider hands it to the HPA model.</summary>
    public int Floor { get; init; }
}
