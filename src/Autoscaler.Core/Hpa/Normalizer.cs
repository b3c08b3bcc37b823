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
        conditions.Add(stabilized != proposal ? HpaConditions.ScaleDownStabilized : HpaConditions.ReadyForNewScale);
        var limited = LegacyRules.Apply(current, stabilized, min, max, options.ScaleUpLimitFactor, options.ScaleUpLimitMinimum);
        conditions.Add(HpaConditions.ScalingLimited(limited.Replicas != stabilized, limited.Reason));
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
        conditions.Add(HpaConditions.Stabilization(stabilized.Reason));
        var limited = BehaviorRateLimiter.Apply(current, stabilized.Replicas, min, max, up, down,
            state.ScaleUpEvents, state.ScaleDownEvents, now, options.Profile);
        conditions.Add(HpaConditions.ScalingLimited(limited.Replicas != stabilized.Replicas, limited.Reason));
        return (stabilized.Replicas, limited.Replicas);
    }
}
