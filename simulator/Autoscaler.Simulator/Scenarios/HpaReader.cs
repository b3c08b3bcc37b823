namespace Autoscaler.Simulator.Scenarios;

/// <summary>Reads and validates the <c>hpa</c> section (limits as the autoscaling/v2 API validation sets them).</summary>
internal static class HpaReader
{
    public static HpaModel? Read(YamlMap map, string file, List<InputError> errors)
    {
        var before = errors.Count;
        var min = map.Int("minReplicas");
        var max = map.Int("maxReplicas");
        var flags = ControllerFlags.Read(map);
        var metricMap = map.Map("metric");
        var hasBehavior = map.Has("behavior");
        var behaviorMap = map.Map("behavior");
        map.RejectUnknown();

        ControllerFlags.CheckReplicas(map, min, max, errors, file);
        if (metricMap is null) errors.Add(new InputError(file, map.Line, map.FieldPath("metric"), "required (type External or Utilization, with a target)"));
        var metric = metricMap is null ? null : MetricReader.Read(metricMap, errors);

        // `behavior: {}` or `behavior:` both mean "present": upstream then defaults each field.
        var behavior = hasBehavior ? BehaviorReader.Read(behaviorMap, file, errors) : null;
        if (errors.Count > before || metric is null) return null;

        return flags.ToHpa(min ?? 1, max!.Value, metric, behavior);
    }
}
