namespace Autoscaler.Simulator.Scenarios;

/// <summary>Reads and validates the <c>hpa</c> section (limits as the autoscaling/v2 API validation sets them).</summary>
internal static class HpaReader
{
    public static HpaModel? Read(YamlMap map, string file, List<InputError> errors)
    {
        var before = errors.Count;
        var min = map.Int("minReplicas");
        var max = map.Int("maxReplicas");
        var sync = map.Int("syncPeriodSeconds");
        var profile = map.String("profile");
        var tolerance = map.Double("tolerance");
        var downscale = map.Int("downscaleStabilizationSeconds");
        var cpuInit = map.Int("cpuInitializationPeriodSeconds");
        var readiness = map.Int("initialReadinessDelaySeconds");
        var metricMap = map.Map("metric");
        var hasBehavior = map.Has("behavior");
        var behaviorMap = map.Map("behavior");
        map.RejectUnknown();

        Check.Required(map, "maxReplicas", max, errors, file);
        Check.AtLeast(map, "minReplicas", min, 1);
        Check.AtLeast(map, "maxReplicas", max, 1);
        if (min is { } lo && max is { } hi && lo > hi) map.Error("minReplicas", $"minReplicas ({lo}) must not exceed maxReplicas ({hi})");
        Check.Between(map, "syncPeriodSeconds", sync, 1, 3600);
        if (profile is not (null or "current" or "v1.20")) map.Error("profile", $"'{profile}' is not a profile (use current or v1.20)");
        Check.AtLeast(map, "tolerance", tolerance, 0);
        Check.Between(map, "downscaleStabilizationSeconds", downscale, 0, 3600);
        Check.AtLeast(map, "cpuInitializationPeriodSeconds", cpuInit, 0);
        Check.AtLeast(map, "initialReadinessDelaySeconds", readiness, 0);
        if (metricMap is null) errors.Add(new InputError(file, map.Line, map.FieldPath("metric"), "required (type External or Utilization, with a target)"));
        var metric = metricMap is null ? null : MetricReader.Read(metricMap, errors);

        // `behavior: {}` or `behavior:` both mean "present": upstream then defaults each field.
        var behavior = hasBehavior ? BehaviorReader.Read(behaviorMap, file, errors) : null;
        if (errors.Count > before || metric is null) return null;

        return new HpaModel
        {
            MinReplicas = min ?? 1,
            MaxReplicas = max!.Value,
            SyncPeriodSeconds = sync ?? 15,
            Profile = profile ?? "current",
            Tolerance = tolerance ?? 0.1,
            DownscaleStabilizationSeconds = downscale ?? 300,
            CpuInitializationPeriodSeconds = cpuInit ?? 300,
            InitialReadinessDelaySeconds = readiness ?? 30,
            Metric = metric,
            Behavior = behavior,
        };
    }
}
