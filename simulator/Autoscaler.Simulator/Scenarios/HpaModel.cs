namespace Autoscaler.Simulator.Scenarios;

/// <summary>The HorizontalPodAutoscaler under test, in the shape of autoscaling/v2 plus controller flags.</summary>
internal sealed record HpaModel
{
    public int MinReplicas { get; init; } = 1;

    public required int MaxReplicas { get; init; }

    /// <summary>Controller sync period (kube-controller-manager flag), seconds.</summary>
    public int SyncPeriodSeconds { get; init; } = 15;

    /// <summary><c>current</c> or <c>v1.20</c>: which upstream behaviour the HPA model reproduces.</summary>
    public string Profile { get; init; } = "current";

    /// <summary>Controller tolerance flag (default 0.1).</summary>
    public double Tolerance { get; init; } = 0.1;

    /// <summary>Controller downscale stabilization flag, seconds (default 300); used when behavior leaves it unset.</summary>
    public int DownscaleStabilizationSeconds { get; init; } = 300;

    /// <summary>CPU initialization period flag, seconds (default 300; Utilization metric only).</summary>
    public int CpuInitializationPeriodSeconds { get; init; } = 300;

    /// <summary>Initial readiness delay flag, seconds (default 30; Utilization metric only).</summary>
    public int InitialReadinessDelaySeconds { get; init; } = 30;

    public required MetricModel Metric { get; init; }

    /// <summary>Null selects the legacy normalization path, as an absent <c>behavior</c> does upstream.</summary>
    public BehaviorModel? Behavior { get; init; }
}
