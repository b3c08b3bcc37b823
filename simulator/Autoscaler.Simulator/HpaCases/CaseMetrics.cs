using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>Converts case metric objects and pod lists into Core metric specs, observations and pod snapshots.</summary>
internal static class CaseMetrics
{
    public static (MetricSpec Spec, MetricObservation Observation) Metric(JsonField m)
    {
        var kind = m.Required("kind").Enum(
            ("Resource", MetricSourceType.Resource), ("ContainerResource", MetricSourceType.ContainerResource),
            ("Pods", MetricSourceType.Pods), ("Object", MetricSourceType.Object),
            ("External", MetricSourceType.External), ("Invalid", MetricSourceType.Invalid));
        var spec = new MetricSpec(kind, Target(m.Optional("target")))
        {
            ResourceName = m.OptionalValue("resource")?.String(),
            ContainerName = m.OptionalValue("container")?.String(),
            MetricName = m.OptionalValue("metricName")?.String(),
        };
        if (m.OptionalValue("fail")?.Bool() == true)
        {
            return (spec, MetricObservation.Failed("the metrics API returned an error"));
        }

        var observation = kind switch
        {
            MetricSourceType.Object => MetricObservation.ForObject(m.OptionalValue("valueMilli")?.Int64() ?? 0),
            MetricSourceType.External => MetricObservation.ForExternal(m.OptionalValue("valuesMilli")?.Items().Select(v => v.Int64()).ToList() ?? []),
            _ => MetricObservation.ForPods(Samples(m.OptionalValue("podMetrics"))),
        };
        return (spec, observation);
    }

    /// <summary>Pods; <c>requestMilli</c> is recorded under the request key of every given metric (absent/null = no request).</summary>
    public static List<PodSnapshot> Pods(JsonField? field, IEnumerable<MetricSpec> metrics)
    {
        if (field is not { IsNull: false } f)
        {
            return [];
        }

        var keys = metrics.Where(s => s.Type is MetricSourceType.Resource or MetricSourceType.ContainerResource)
            .Select(s => s.RequestKey).Distinct(StringComparer.Ordinal).ToList();
        var pods = new List<PodSnapshot>();
        foreach (var p in f.Items())
        {
            var requests = new Dictionary<string, long>(StringComparer.Ordinal);
            if (p.OptionalValue("requestMilli") is { } request)
            {
                foreach (var key in keys)
                {
                    requests[key] = request.Int64();
                }
            }

            pods.Add(new PodSnapshot(
                p.Required("name").String(),
                p.OptionalValue("phase")?.Enum(("Pending", PodPhase.Pending), ("Running", PodPhase.Running), ("Succeeded", PodPhase.Succeeded),
                    ("Failed", PodPhase.Failed), ("Unknown", PodPhase.Unknown)) ?? PodPhase.Running,
                p.OptionalValue("ready")?.Enum(("True", PodReadyStatus.True), ("False", PodReadyStatus.False), ("Unknown", PodReadyStatus.Unknown)) ?? PodReadyStatus.Absent,
                CaseModel.Time(p.Optional("readyLastTransitionTime"), DateTimeOffset.MinValue),
                CaseModel.Time(p.Optional("startTime"), DateTimeOffset.MinValue),
                p.OptionalValue("deleting")?.Bool() ?? false) { RequestsMilli = requests });
        }

        return pods;
    }

    private static MetricTarget Target(JsonField? field)
    {
        if (field is not { IsNull: false } t)
        {
            return new MetricTarget(MetricTargetType.Value);
        }

        return new MetricTarget(
            t.Required("type").Enum(("Utilization", MetricTargetType.Utilization), ("AverageValue", MetricTargetType.AverageValue), ("Value", MetricTargetType.Value)),
            t.OptionalValue("averageUtilization")?.Int32(),
            t.OptionalValue("averageValueMilli")?.Int64(),
            t.OptionalValue("valueMilli")?.Int64());
    }

    private static Dictionary<string, PodSample> Samples(JsonField? field)
    {
        var samples = new Dictionary<string, PodSample>(StringComparer.Ordinal);
        if (field is not { } f)
        {
            return samples;
        }

        foreach (var (name, s) in f.Properties())
        {
            var window = s.OptionalValue("window") is { } w ? TimeSpan.FromSeconds(w.Double()) : TimeSpan.FromSeconds(60);
            samples[name] = new PodSample(s.Required("value").Int64(), CaseModel.Time(s.Optional("timestamp"), CaseModel.Now), window);
        }

        return samples;
    }
}
