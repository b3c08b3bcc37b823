namespace Autoscaler.Core.Hpa;

/// <summary>
/// kube-controller-manager flags that shape the HPA algorithm. Defaults are the upstream flag defaults
/// (HPA_SPEC.md §2.1); upstream unit tests override several of them.
/// </summary>
public sealed record HpaControllerOptions
{
    /// <summary>Shared instance with every default (current profile).</summary>
    public static HpaControllerOptions Default { get; } = new();

    /// <summary>Which upstream version to reproduce. Default <see cref="HpaProfile.Current"/>.</summary>
    public HpaProfile Profile { get; init; } = HpaProfile.Current;

    /// <summary><c>--horizontal-pod-autoscaler-tolerance</c>: ratios this close to 1.0 do not scale. Default 0.1.</summary>
    public double Tolerance { get; init; } = 0.1;

    /// <summary><c>--horizontal-pod-autoscaler-cpu-initialization-period</c>. Default 300 s.</summary>
    public TimeSpan CpuInitializationPeriod { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary><c>--horizontal-pod-autoscaler-initial-readiness-delay</c>. Default 30 s.</summary>
    public TimeSpan InitialReadinessDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>--horizontal-pod-autoscaler-downscale-stabilization</c>. Default 300 s.</summary>
    public TimeSpan DownscaleStabilizationWindow { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Legacy path: a sync may grow the target to at most this factor × current. Upstream hard-codes 2.</summary>
    public double ScaleUpLimitFactor { get; init; } = 2.0;

    /// <summary>Legacy path: a sync may always grow the target to at least this many replicas. Upstream hard-codes 4.</summary>
    public double ScaleUpLimitMinimum { get; init; } = 4.0;
}
