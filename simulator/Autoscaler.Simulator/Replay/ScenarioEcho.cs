using Autoscaler.Core.Hpa;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Replay;

/// <summary>The scenario as it was run, every default filled in, for summary.json and the report.</summary>
internal static class ScenarioEcho
{
    public static object Create(Scenario scenario, HpaSpec effective)
    {
        var h = scenario.Hpa;
        var m = h.Metric;
        return new
        {
            name = scenario.Name,
            description = scenario.Description,
            workload = scenario.Workload,
            hpa = new
            {
                minReplicas = h.MinReplicas,
                maxReplicas = h.MaxReplicas,
                syncPeriodSeconds = h.SyncPeriodSeconds,
                profile = h.Profile,
                tolerance = h.Tolerance,
                downscaleStabilizationSeconds = h.DownscaleStabilizationSeconds,
                cpuInitializationPeriodSeconds = m.Type == MetricKind.Utilization ? h.CpuInitializationPeriodSeconds : (int?)null,
                initialReadinessDelaySeconds = m.Type == MetricKind.Utilization ? h.InitialReadinessDelaySeconds : (int?)null,
                metric = new
                {
                    type = m.Type.ToString(),
                    target = new { averageValue = m.AverageValue?.ToDouble(), value = m.Value?.ToDouble(), averageUtilization = m.AverageUtilization },
                    delaySeconds = m.DelaySeconds,
                },
                behavior = effective.Behavior is { } b
                    ? new { scaleUp = Rules(b.ScaleUp), scaleDown = Rules(b.ScaleDown, h.DownscaleStabilizationSeconds) }
                    : null,
                behaviorPath = effective.Behavior is null ? "legacy (no behavior given)" : "behavior (upstream defaults filled in)",
            },
            keda = scenario.Keda,
        };
    }

    private static object? Rules(Autoscaler.Core.Hpa.Behavior.HpaScalingRules? rules, int? windowDefault = null) => rules is null ? null : new
    {
        stabilizationWindowSeconds = rules.StabilizationWindowSeconds ?? windowDefault,
        selectPolicy = rules.SelectPolicy?.ToString(),
        policies = rules.Policies?.Select(p => new { type = p.Type.ToString(), value = p.Value, periodSeconds = p.PeriodSeconds }),
        tolerance = rules.Tolerance,
    };
}
