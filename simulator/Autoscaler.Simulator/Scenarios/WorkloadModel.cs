namespace Autoscaler.Simulator.Scenarios;

/// <summary>How the replayed service behaves: capacity, start-up time and the trace scale.</summary>
internal sealed record WorkloadModel
{
    /// <summary>Load units per minute that one ready pod serves within its SLO.</summary>
    public required double CapacityPerPod { get; init; }

    /// <summary>Seconds from pod creation to ready.</summary>
    public int StartupSeconds { get; init; }

    /// <summary>Each pod's start-up takes an extra uniform [0, jitter) seconds drawn from <see cref="Seed"/>.</summary>
    public int StartupJitterSeconds { get; init; }

    /// <summary>Seed of the start-up jitter; the same seed gives the same run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Replicas at the start of the replay (default: hpa.minReplicas).</summary>
    public required int InitialReplicas { get; init; }

    /// <summary>Multiplies every trace value (after normalization to per minute).</summary>
    public double ValueScale { get; init; } = 1;

    /// <summary>CPU request of one pod in millicores (Utilization metric only).</summary>
    public long CpuRequestMilli { get; init; } = 1000;

    /// <summary>CPU use in millicores of a pod serving exactly <see cref="CapacityPerPod"/> (Utilization metric only).</summary>
    public long CpuAtCapacityMilli { get; init; } = 1000;
}
