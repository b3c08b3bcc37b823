using Autoscaler.Core.Quantities;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Manifests;

/// <summary>
/// Reads an HPA manifest's <c>spec.metrics</c> into the one metric a trace can feed: an External metric
/// (<c>AverageValue</c> or <c>Value</c> target, Kubernetes quantities) or the CPU <c>Utilization</c> of a
/// Resource metric. No metrics means what the API server defaults to: CPU at 80 % utilization.
/// </summary>
internal static class ManifestMetricReader
{
    /// <summary>The API server's default when an HPA lists no metric.</summary>
    public const int DefaultCpuUtilization = 80;

    public static MetricModel? Read(YamlMap spec, IReadOnlyList<YamlMap>? metrics, int delaySeconds)
    {
        if (metrics is null || metrics.Count == 0)
        {
            return new MetricModel { Type = MetricKind.Utilization, AverageUtilization = DefaultCpuUtilization, DelaySeconds = delaySeconds };
        }

        if (metrics.Count > 1)
        {
            spec.Error("metrics", $"{metrics.Count} metrics, but the trace is one demand series and feeds exactly one: keep the metric the trace measures");
            return null;
        }

        var item = metrics[0];
        var type = item.String("type");
        var metric = type switch
        {
            "External" => External(item, delaySeconds),
            "Resource" => Resource(item, delaySeconds),
            _ => Unsupported(item, type),
        };
        item.RejectUnknown();
        return metric;
    }

    private static MetricModel? External(YamlMap item, int delaySeconds)
    {
        if (item.Map("external") is not { } external)
        {
            item.Error("external", "required for type External");
            return null;
        }

        if (external.Map("metric") is { } identifier)
        {
            // The metric's name and selector say where the cluster reads it; here the trace is the metric.
            identifier.String("name");
            identifier.Has("selector");
            identifier.RejectUnknown();
        }

        var target = external.Map("target");
        external.RejectUnknown();
        if (target is null)
        {
            external.Error("target", "required");
            return null;
        }

        var targetType = target.String("type");
        var hasAverage = target.Has("averageValue");
        var hasValue = target.Has("value");
        var average = target.Quantity("averageValue");
        var value = target.Quantity("value");
        target.RejectUnknown();
        Check.Positive(target, "averageValue", average);
        Check.Positive(target, "value", value);
        switch (targetType)
        {
            case "AverageValue" when !hasAverage || hasValue:
                target.Error("averageValue", "type AverageValue needs averageValue (and no value)");
                return null;
            case "Value" when !hasValue || hasAverage:
                target.Error("value", "type Value needs value (and no averageValue)");
                return null;
            case "AverageValue" or "Value":
                return average is null && value is null ? null
                    : new MetricModel { Type = MetricKind.External, AverageValue = average, Value = value, DelaySeconds = delaySeconds };
            default:
                target.Error("type", $"'{targetType}' is not an External target type (use AverageValue or Value)");
                return null;
        }
    }

    private static MetricModel? Resource(YamlMap item, int delaySeconds)
    {
        if (item.Map("resource") is not { } resource)
        {
            item.Error("resource", "required for type Resource");
            return null;
        }

        var name = resource.String("name");
        var target = resource.Map("target");
        resource.RejectUnknown();
        if (name != "cpu")
        {
            resource.Error("name", $"'{name}': only cpu is modelled (CPU follows demand, linear in load)");
        }

        if (target is null)
        {
            resource.Error("target", "required");
            return null;
        }

        var targetType = target.String("type");
        var utilization = target.Int("averageUtilization");
        target.RejectUnknown();
        Check.Positive(target, "averageUtilization", utilization);
        if (targetType != "Utilization" || utilization is null)
        {
            target.Error("type", "a cpu Resource metric is replayed with type Utilization and averageUtilization (percent of the request)");
            return null;
        }

        return name != "cpu" ? null : new MetricModel { Type = MetricKind.Utilization, AverageUtilization = utilization, DelaySeconds = delaySeconds };
    }

    private static MetricModel? Unsupported(YamlMap item, string? type)
    {
        item.Error("type", type is null
            ? "required"
            : $"'{type}' metrics are not replayed: the trace is one demand series, fed as an External metric (AverageValue or Value) or as CPU (Resource cpu Utilization)");
        foreach (var key in new[] { "pods", "object", "containerResource", "external", "resource" })
        {
            item.Has(key);
        }

        return null;
    }
}
