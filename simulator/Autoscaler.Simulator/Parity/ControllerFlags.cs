namespace Autoscaler.Simulator.Parity;

/// <summary>
/// The kube-controller-manager HPA flags a parity run used (<c>--horizontal-pod-autoscaler-*</c>), in seconds
/// where the flag is a duration. The e2e control plane prints them as <c>AUTOSCALER_E2E_HPA_*</c>.
/// </summary>
internal sealed record ControllerFlags
{
    /// <summary><c>--horizontal-pod-autoscaler-sync-period</c>, seconds.</summary>
    public required int SyncPeriodSeconds { get; init; }

    /// <summary><c>--horizontal-pod-autoscaler-tolerance</c>.</summary>
    public required double Tolerance { get; init; }

    /// <summary><c>--horizontal-pod-autoscaler-downscale-stabilization</c>, seconds.</summary>
    public required int DownscaleStabilizationSeconds { get; init; }

    /// <summary><c>--horizontal-pod-autoscaler-cpu-initialization-period</c>, seconds.</summary>
    public required int CpuInitializationPeriodSeconds { get; init; }

    /// <summary><c>--horizontal-pod-autoscaler-initial-readiness-delay</c>, seconds.</summary>
    public required int InitialReadinessDelaySeconds { get; init; }
}
