namespace Autoscaler.Simulator.Keda;

/// <summary>
/// What KEDA's operator adds to the HPA it generates for a ScaledObject: the activation phase (scale from and to
/// zero, or to <c>idleReplicaCount</c>) polled every <c>pollingInterval</c>. The HPA itself (min = max(minReplicaCount, 1),
/// max = maxReplicaCount, one External metric with the trigger's threshold as target) is the scenario's HPA model.
/// Source: keda.sh docs, "ScaledObject specification" and "Activating and Scaling thresholds" (KEDA 2.x).
/// </summary>
internal sealed record KedaModel
{
    /// <summary>The trigger replayed (<c>prometheus</c>, <c>cpu</c>, ...), as in the manifest.</summary>
    public required string TriggerType { get; init; }

    /// <summary>The External metric name KEDA gives the HPA, <c>s{index}-{type}</c> (empty for cpu, a Resource metric).</summary>
    public required string MetricName { get; init; }

    /// <summary><c>spec.pollingInterval</c>, seconds (KEDA default 30): how often KEDA checks activity.</summary>
    public int PollingIntervalSeconds { get; init; } = 30;

    /// <summary><c>spec.cooldownPeriod</c>, seconds (default 300): inactive this long after the last active poll before scaling to zero.</summary>
    public int CooldownPeriodSeconds { get; init; } = 300;

    /// <summary><c>spec.initialCooldownPeriod</c>, seconds (default 0): no scale to zero this soon after the replay starts.</summary>
    public int InitialCooldownPeriodSeconds { get; init; }

    /// <summary><c>spec.minReplicaCount</c> (default 0). 0 lets KEDA scale the workload to zero.</summary>
    public int MinReplicaCount { get; init; }

    /// <summary><c>spec.idleReplicaCount</c>: when set, the count KEDA scales to when inactive (instead of 0).</summary>
    public int? IdleReplicaCount { get; init; }

    /// <summary>The trigger's activation threshold (default 0): active only when the metric is strictly above it.</summary>
    public double ActivationThreshold { get; init; }

    /// <summary>
    /// The trigger's <c>useCachedMetrics</c>: the HPA reads the value KEDA got at its last poll instead of a fresh one
    /// (external triggers only; cpu is read from the metrics server).
    /// </summary>
    public bool UseCachedMetrics { get; init; }

    /// <summary>Whether KEDA scales to zero (or to idle) at all: minReplicaCount 0 or idleReplicaCount set, and a trigger that can activate.</summary>
    public bool ScalesToIdle => (MinReplicaCount == 0 || IdleReplicaCount is not null) && TriggerType is not ("cpu" or "memory");

    /// <summary>The replicas when inactive after the cooldown: idleReplicaCount, else 0.</summary>
    public int IdleReplicas => IdleReplicaCount ?? 0;

    /// <summary>The replicas KEDA sets when a trigger activates an idle workload: minReplicaCount when above 0, else 1.</summary>
    public int ActiveReplicas => Math.Max(MinReplicaCount, 1);
}
