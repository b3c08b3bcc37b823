namespace Autoscaler.Simulator.Scenarios;

/// <summary>
/// The kube-controller-manager flags a replay needs, with upstream's defaults. Read from a scenario's
/// <c>hpa</c> section or from a workload file's <c>controller</c> section by the same reader, so both inputs
/// validate them alike.
/// </summary>
internal sealed record ControllerFlags
{
    /// <summary>Controller sync period (<c>--horizontal-pod-autoscaler-sync-period</c>), seconds.</summary>
    public int SyncPeriodSeconds { get; init; } = 15;

    /// <summary><c>current</c> or <c>v1.20</c>: which upstream behaviour the HPA model reproduces.</summary>
    public string Profile { get; init; } = "current";

    /// <summary><c>--horizontal-pod-autoscaler-tolerance</c>.</summary>
    public double Tolerance { get; init; } = 0.1;

    /// <summary><c>--horizontal-pod-autoscaler-downscale-stabilization</c>, seconds.</summary>
    public int DownscaleStabilizationSeconds { get; init; } = 300;

    /// <summary><c>--horizontal-pod-autoscaler-cpu-initialization-period</c>, seconds.</summary>
    public int CpuInitializationPeriodSeconds { get; init; } = 300;

    /// <summary><c>--horizontal-pod-autoscaler-initial-readiness-delay</c>, seconds.</summary>
    public int InitialReadinessDelaySeconds { get; init; } = 30;

    /// <summary>Reads the flags present in <paramref name="map"/> (the others keep their defaults) and checks their ranges.</summary>
    public static ControllerFlags Read(YamlMap map)
    {
        var sync = map.Int("syncPeriodSeconds");
        var profile = map.String("profile");
        var tolerance = map.Double("tolerance");
        var downscale = map.Int("downscaleStabilizationSeconds");
        var cpuInit = map.Int("cpuInitializationPeriodSeconds");
        var readiness = map.Int("initialReadinessDelaySeconds");
        Check.Between(map, "syncPeriodSeconds", sync, 1, 3600);
        if (profile is not (null or "current" or "v1.20")) map.Error("profile", $"'{profile}' is not a profile (use current or v1.20)");
        Check.AtLeast(map, "tolerance", tolerance, 0);
        Check.Between(map, "downscaleStabilizationSeconds", downscale, 0, 3600);
        Check.AtLeast(map, "cpuInitializationPeriodSeconds", cpuInit, 0);
        Check.AtLeast(map, "initialReadinessDelaySeconds", readiness, 0);
        var defaults = new ControllerFlags();
        return new ControllerFlags
        {
            SyncPeriodSeconds = sync ?? defaults.SyncPeriodSeconds,
            Profile = profile ?? defaults.Profile,
            Tolerance = tolerance ?? defaults.Tolerance,
            DownscaleStabilizationSeconds = downscale ?? defaults.DownscaleStabilizationSeconds,
            CpuInitializationPeriodSeconds = cpuInit ?? defaults.CpuInitializationPeriodSeconds,
            InitialReadinessDelaySeconds = readiness ?? defaults.InitialReadinessDelaySeconds,
        };
    }

    /// <summary>Checks the replica bounds as the autoscaling/v2 API validation does.</summary>
    public static void CheckReplicas(YamlMap map, int? min, int? max, List<InputError> errors, string file)
    {
        Check.Required(map, "maxReplicas", max, errors, file);
        Check.AtLeast(map, "minReplicas", min, 1);
        Check.AtLeast(map, "maxReplicas", max, 1);
        if (min is { } lo && max is { } hi && lo > hi) map.Error("minReplicas", $"minReplicas ({lo}) must not exceed maxReplicas ({hi})");
    }

    /// <summary>The HPA model from replica bounds, a metric, a behavior and these flags.</summary>
    public HpaModel ToHpa(int minReplicas, int maxReplicas, MetricModel metric, BehaviorModel? behavior) => new()
    {
        MinReplicas = minReplicas,
        MaxReplicas = maxReplicas,
        SyncPeriodSeconds = SyncPeriodSeconds,
        Profile = Profile,
        Tolerance = Tolerance,
        DownscaleStabilizationSeconds = DownscaleStabilizationSeconds,
        CpuInitializationPeriodSeconds = CpuInitializationPeriodSeconds,
        InitialReadinessDelaySeconds = InitialReadinessDelaySeconds,
        Metric = metric,
        Behavior = behavior,
    };
}
