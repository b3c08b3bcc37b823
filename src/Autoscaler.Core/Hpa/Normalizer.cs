using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.Legacy;
using Autoscaler.Core.Hpa.State;

namespace Autoscaler.Core.Hpa;

/// <summary>HPA_SPEC.md §8: stabilise then limit a proposal, on the legacy or the behavior path, and set the conditions.</summary>
internal static class Normalizer
{
    public static (int Stabilized, int Desired) Legacy(HpaControllerState state, int current, int proposal, int min, int max,
        HpaControllerOptions options, DateTimeOffset now, List<HpaCondition> conditions)
    {
        var recommendations = state.Recommendations ??= [];
        var stabilized = LegacyStabilizer.Stabilize(recommendations, proposal, options.DownscaleStabilizationWindow, now);
        conditions.Add(stabilized != proposal
            ? new HpaCondition(HpaCondition.AbleToScale, true, "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation")
            : new HpaCondition(HpaCondition.AbleToScale, true, "ReadyForNewScale", "recommended size matches current size"));
        var limited = LegacyRules.Apply(current, stabilized, min, max, options.ScaleUpLimitFactor, options.ScaleUpLimitMinimum);
        conditions.Add(new HpaCondition(HpaCondition.ScalingLimited, limited.Replicas != stabilized, limited.Reason, LimitMessage(limited.Reason)));
        return (stabilized, limited.Replicas);
    }

    public static (int Stabilized, int Desired) WithBehavior(HpaControllerState state, HpaBehavior behavior, int current, int proposal,
        int min, int max, HpaControllerOptions options, DateTimeOffset now, List<HpaCondition> conditions)
    {
        var up = behavior.ScaleUp!;
        var down = behavior.ScaleDown!;
        var upWindow = up.StabilizationWindowSeconds ?? 0;
        var downWindow = down.StabilizationWindowSeconds ?? (int)options.DownscaleStabilizationWindow.TotalSeconds;
        var recommendations = state.Recommendations ??= [];
        var stabilized = BehaviorStabilizer.Stabilize(recommendations, current, proposal, upWindow, downWindow, now, options.Profile);
        conditions.Add(new HpaCondition(HpaCondition.AbleToScale, true, stabilized.Reason, StabilizeMessage(stabilized.Reason)));
        var limited = BehaviorRateLimiter.Apply(current, stabilized.Replicas, min, max, up, down,
            state.ScaleUpEvents, state.ScaleDownEvents, now, options.Profile);
        conditions.Add(new HpaCondition(HpaCondition.ScalingLimited, limited.Replicas != stabilized.Replicas, limited.Reason, LimitMessage(limited.Reason)));
        return (stabilized.Replicas, limited.Replicas);
    }

    private static string StabilizeMessage(string reason) => reason switch
    {
        "ScaleUpStabilized" => "recent recommendations were lower than current one, applying the lowest recent recommendation",
        "ScaleDownStabilized" => "recent recommendations were higher than current one, applying the highest recent recommendation",
        _ => "recommended size matches current size",
    };

    private static string LimitMessage(string reason) => reason switch
    {
        "TooFewReplicas" => "the desired replica count is less than the minimum replica count",
        "TooManyReplicas" => "the desired replica count is more than the maximum replica count",
        "ScaleUpLimit" => "the desired replica count is increasing faster than the maximum scale rate",
        "ScaleDownLimit" => "the desired replica count is decreasing faster than the maximum scale rate",
        _ => "the desired count is within the acceptable range",
    };
}
