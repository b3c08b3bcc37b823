using Autoscaler.Core.Quantities;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Keda;

/// <summary>
/// Reads a ScaledObject's <c>spec.triggers</c> into the one metric a trace can feed, as KEDA builds its HPA: an
/// external scaler (<see cref="KedaTrigger.External"/>) becomes an External metric <c>s{i}-{type}</c> whose target is
/// the trigger's threshold (AverageValue by default, or Value with <c>metricType: Value</c>); <c>cpu</c> becomes the
/// Resource cpu metric with its Utilization target. Anything else is one error naming the file and field.
/// </summary>
internal static class TriggerReader
{
    /// <summary>The metric, the trigger type, its External metric name and activation threshold; null when an error was reported.</summary>
    public static (MetricModel Metric, string Type, string MetricName, double Activation, bool Cached)? Read(YamlMap spec, IReadOnlyList<YamlMap>? triggers, int delaySeconds)
    {
        if (triggers is null || triggers.Count == 0)
        {
            spec.Error("triggers", "required: at least one trigger (the trace feeds it)");
            return null;
        }

        if (triggers.Count > 1)
        {
            spec.Error("triggers", $"{triggers.Count} triggers, but the trace is one series and feeds exactly one: keep the trigger the trace measures (the HPA scales on the largest of several)");
            return null;
        }

        var trigger = triggers[0];
        var type = trigger.String("type");
        trigger.String("name");
        var cached = trigger.String("useCachedMetrics");
        if (cached is not (null or "true" or "false")) trigger.Error("useCachedMetrics", $"'{cached}' is not true or false");
        trigger.Has("authenticationRef");
        var metricType = trigger.String("metricType");
        var metadata = trigger.Map("metadata");
        trigger.RejectUnknown();
        if (type is null)
        {
            trigger.Error("type", "required");
            return null;
        }

        if (metadata is null)
        {
            trigger.Error("metadata", "required");
            return null;
        }

        if (type == "cpu")
        {
            if (cached == "true") trigger.Error("useCachedMetrics", "not for a cpu trigger (KEDA reads CPU from the metrics server, not by polling)");
            return Cpu(trigger, metadata, metricType, delaySeconds);
        }

        if (KedaTrigger.External.FirstOrDefault(t => t.Type == type) is not { } scaler)
        {
            trigger.Error("type", $"'{type}' triggers are not replayed: the trace is one demand series, fed to a {string.Join(", ", KedaTrigger.External.Select(t => t.Type))} or cpu trigger");
            return null;
        }

        return External(trigger, metadata, scaler, metricType, delaySeconds, cached == "true");
    }

    private static (MetricModel, string, string, double, bool)? External(YamlMap trigger, YamlMap metadata, KedaTrigger scaler, string? metricType, int delaySeconds, bool cached)
    {
        var hasTarget = metadata.Has(scaler.TargetKey);
        var target = hasTarget ? metadata.Quantity(scaler.TargetKey) : scaler.DefaultTarget is { } text ? Quantity.Parse(text) : (Quantity?)null;
        var activation = metadata.Double(scaler.ActivationKey) ?? 0;
        if (!hasTarget && scaler.DefaultTarget is null) metadata.Error(scaler.TargetKey, $"required for a {scaler.Type} trigger: the HPA's target per pod");
        Check.Positive(metadata, scaler.TargetKey, target);
        if (metricType is not (null or "AverageValue" or "Value"))
        {
            trigger.Error("metricType", $"'{metricType}' is not a metric type of a {scaler.Type} trigger (use AverageValue or Value)");
            return null;
        }

        if (target is null || target.Value.MilliValue() <= 0) return null;
        var metric = metricType == "Value"
            ? new MetricModel { Type = MetricKind.External, Value = target, DelaySeconds = delaySeconds }
            : new MetricModel { Type = MetricKind.External, AverageValue = target, DelaySeconds = delaySeconds };
        return (metric, scaler.Type, $"s0-{scaler.Type}", activation, cached);
    }

    private static (MetricModel, string, string, double, bool)? Cpu(YamlMap trigger, YamlMap metadata, string? metricType, int delaySeconds)
    {
        var legacyType = metadata.String("type");
        var value = metadata.Int("value");
        metadata.String("containerName");
        var effective = metricType ?? legacyType ?? "Utilization";
        if (effective != "Utilization")
        {
            trigger.Error("metricType", $"a cpu trigger is replayed with metricType Utilization (percent of the CPU request), not '{effective}'");
            return null;
        }

        if (value is null)
        {
            metadata.Error("value", "required for a cpu trigger: the target utilization in percent");
            return null;
        }

        Check.Positive(metadata, "value", value);
        return value <= 0 ? null : (new MetricModel { Type = MetricKind.Utilization, AverageUtilization = value, DelaySeconds = delaySeconds }, "cpu", string.Empty, 0, false);
    }
}
