using System.Globalization;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Simulator.Parity;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.E2E.Tests.Parity;

/// <summary>
/// The scripted series and the two HPAs of the parity run (issue #17). Target 10 per replica, so the
/// series reads as "10 × replicas". Every segment lasts long enough for both controllers to settle
/// before the next step, so the sequence of replica counts does not depend on the real sync phase.
/// </summary>
internal static class ParityScript
{
    /// <summary>The External metric's name and its label selector.</summary>
    public const string Metric = "parity_load";

    /// <summary>Seconds the run lasts after its start (the last scale-down is due at 280 s in the simulator).</summary>
    public const double DurationSeconds = 300;

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string> { ["run"] = "parity" };

    /// <summary>
    /// Ramp 10 → 25 → 45 → 60 (1 → 3 → 5 → 6 replicas); spike to 160 (16 replicas: the legacy path gets there
    /// in two syncs through its 2× cap, the behavior run in five steps of two pods per 15 s, done by 130 s);
    /// plateau inside the ±10 % tolerance band around 160 (no change); drop to 30 (3 replicas once the
    /// downscale stabilization window lets go: 60 s flag for the legacy path, 30 s for the behavior run).
    /// </summary>
    public static readonly IReadOnlyList<SeriesPoint> Series =
    [
        new(0, 10),
        new(10, 25), new(30, 45), new(50, 60),
        new(70, 160),
        new(160, 152), new(175, 166), new(190, 148), new(205, 170),
        new(220, 30),
    ];

    /// <summary>No <c>behavior</c>: v1.20's legacy path (2× / +4 scale-up cap, the controller's downscale window).</summary>
    public static readonly ParityCase Default = new()
    {
        Name = "parity-default",
        MinReplicas = 1,
        MaxReplicas = 20,
        TargetAverageValue = 10,
        InitialReplicas = 1,
    };

    /// <summary>A <c>behavior</c> block: scale up at most 2 pods per 15 s; scale-down stabilization window 30 s.</summary>
    public static readonly ParityCase WithBehavior = Default with
    {
        Name = "parity-behavior",
        Behavior = new BehaviorModel(
            new ScalingRulesModel(null, null, [new ScalingPolicyModel("Pods", 2, 15)], null),
            new ScalingRulesModel(30, null, null, null)),
    };

    /// <summary>The flags kube-controller-manager was started with (AUTOSCALER_E2E_HPA_*, from ControlPlaneFlags).</summary>
    public static ControllerFlags Flags(ControlPlaneEnvironment env) => new()
    {
        SyncPeriodSeconds = int.Parse(env["AUTOSCALER_E2E_HPA_SYNC_PERIOD_SECONDS"], CultureInfo.InvariantCulture),
        Tolerance = double.Parse(env["AUTOSCALER_E2E_HPA_TOLERANCE"], CultureInfo.InvariantCulture),
        DownscaleStabilizationSeconds = int.Parse(env["AUTOSCALER_E2E_HPA_DOWNSCALE_STABILIZATION_SECONDS"], CultureInfo.InvariantCulture),
        CpuInitializationPeriodSeconds = int.Parse(env["AUTOSCALER_E2E_HPA_CPU_INITIALIZATION_PERIOD_SECONDS"], CultureInfo.InvariantCulture),
        InitialReadinessDelaySeconds = int.Parse(env["AUTOSCALER_E2E_HPA_INITIAL_READINESS_DELAY_SECONDS"], CultureInfo.InvariantCulture),
    };
}
