using Autoscaler.Core.Quantities;

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

        Quantity? averageValue = null, value = null;
        int? utilization = null;
        bool hasAverage = false, hasValue = false;
        if (target is not null)
        {
            // Presence, not validity, decides "exactly one": an invalid quantity gets its own error and only that.
            hasAverage = target.Has("averageValue");
            hasValue = target.Has("value");
            averageValue = target.Quantity("averageValue");
            value = target.Quantity("value");
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
        else if (kind == MetricKind.External && hasAverage == hasValue)
        {
            map.Error("target", "an External metric needs exactly one of averageValue or value");
        }
        else if (kind == MetricKind.Utilization && (!target.Has("averageUtilization") || hasAverage || hasValue))
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
