namespace Autoscaler.Simulator.Scenarios;

/// <summary>Reads <c>hpa.metric</c>: the type, its target, and the metric delay.</summary>
internal static class MetricReader
{
    public static MetricModel? Read(YamlMap map, List<InputError> errors)
    {
        var before = errors.Count;
        var type = map.String("type");
        var delay = map.Int("delaySeconds");
        var target = map.Map("target");
        map.RejectUnknown();

        double? averageValue = null, value = null;
        int? utilization = null;
        if (target is not null)
        {
            averageValue = target.Double("averageValue");
            value = target.Double("value");
            utilization = target.Int("averageUtilization");
            target.RejectUnknown();
        }

        Check.Between(map, "delaySeconds", delay, 0, 3600);
        MetricKind? kind = type switch
        {
            "External" => MetricKind.External,
            "Utilization" => MetricKind.Utilization,
            _ => null,
        };
        if (kind is null) map.Error("type", type is null ? "required (External or Utilization)" : $"'{type}' is not a metric type (use External or Utilization)");
        if (target is null) map.Error("target", "required");
        else if (kind == MetricKind.External && (averageValue is null) == (value is null))
        {
            map.Error("target", "an External metric needs exactly one of averageValue or value");
        }
        else if (kind == MetricKind.Utilization && (utilization is null || averageValue is not null || value is not null))
        {
            map.Error("target", "a Utilization metric needs averageUtilization (percent of the CPU request) and nothing else");
        }

        if (target is not null)
        {
            Check.Positive(target, "averageValue", averageValue);
            Check.Positive(target, "value", value);
            Check.Positive(target, "averageUtilization", utilization);
        }

        if (errors.Count > before || kind is null) return null;
        return new MetricModel { Type = kind.Value, AverageValue = averageValue, Value = value, AverageUtilization = utilization, DelaySeconds = delay ?? 0 };
    }
}
