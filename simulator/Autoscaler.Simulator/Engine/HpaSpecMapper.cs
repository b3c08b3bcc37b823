using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Engine;

/// <summary>
/// Turns a scenario's <c>hpa</c> section into the core's spec and controller options, with the API server's
/// defaults applied once (by the core's own defaulting) so the reconcile does not redo it every sync.
/// </summary>
internal static class HpaSpecMapper
{
    /// <summary>The External metric's name; the simulator serves exactly one metric.</summary>
    public const string DemandMetric = "demand_per_minute";

    public static HpaSpec ToSpec(HpaModel hpa)
    {
        var metric = hpa.Metric.Type switch
        {
            MetricKind.Utilization => new MetricSpec(MetricSourceType.Resource, MetricTarget.Utilization(hpa.Metric.AverageUtilization!.Value)) { ResourceName = "cpu" },
            _ when hpa.Metric.AverageValue is { } average => new MetricSpec(MetricSourceType.External, MetricTarget.AverageValue(average.MilliValue())) { MetricName = DemandMetric },
            _ => new MetricSpec(MetricSourceType.External, MetricTarget.Value(hpa.Metric.Value!.Value.MilliValue())) { MetricName = DemandMetric },
        };
        return new HpaSpec(hpa.MinReplicas, hpa.MaxReplicas, [metric], ToBehavior(hpa.Behavior)).WithApiDefaults();
    }

    public static HpaControllerOptions ToOptions(HpaModel hpa) => new()
    {
        Profile = hpa.Profile == "v1.20" ? HpaProfile.V1_20 : HpaProfile.Current,
        Tolerance = hpa.Tolerance,
        DownscaleStabilizationWindow = TimeSpan.FromSeconds(hpa.DownscaleStabilizationSeconds),
        CpuInitializationPeriod = TimeSpan.FromSeconds(hpa.CpuInitializationPeriodSeconds),
        InitialReadinessDelay = TimeSpan.FromSeconds(hpa.InitialReadinessDelaySeconds),
    };

    private static HpaBehavior? ToBehavior(BehaviorModel? behavior) =>
        behavior is null ? null : new HpaBehavior(ToRules(behavior.ScaleUp), ToRules(behavior.ScaleDown));

    private static HpaScalingRules? ToRules(ScalingRulesModel? rules) => rules is null ? null : new HpaScalingRules
    {
        StabilizationWindowSeconds = rules.StabilizationWindowSeconds,
        SelectPolicy = rules.SelectPolicy is { } s ? Enum.Parse<ScalingPolicySelect>(s) : null,
        Policies = rules.Policies?.Select(p => new HpaScalingPolicy(Enum.Parse<HpaScalingPolicyType>(p.Type), p.Value, p.PeriodSeconds)).ToList(),
        Tolerance = rules.Tolerance,
    };
}
