using Autoscaler.Core.Hpa.State;

namespace Autoscaler.Core.Hpa.Behavior;

/// <summary>
/// <c>convertDesiredReplicasWithBehaviorRate</c>, HPA_SPEC.md §8.2: applies the policy limit and the
/// min/max bound of the direction being moved.
/// </summary>
public static class BehaviorRateLimiter
{
    /// <summary>
    /// Limits the stabilised value <paramref name="desired"/>. The rules must have their API defaults applied.
    /// History can never force a move in the opposite direction.
    /// </summary>
    public static ReplicaDecision Apply(int current, int desired, int min, int max,
        HpaScalingRules scaleUp, HpaScalingRules scaleDown,
        IReadOnlyList<ScaleEvent> upEvents, IReadOnlyList<ScaleEvent> downEvents, DateTimeOffset now, HpaProfile profile)
    {
        if (desired > current)
        {
            var limit = Math.Max(ScaleLimits.ScaleUpLimit(current, upEvents, downEvents, scaleUp, now, profile), current);
            var (maxAllowed, reason) = max > limit ? (limit, "ScaleUpLimit") : (max, "TooManyReplicas");
            if (desired > maxAllowed)
            {
                return new ReplicaDecision(maxAllowed, reason);
            }
        }
        else if (desired < current)
        {
            var limit = Math.Min(ScaleLimits.ScaleDownLimit(current, upEvents, downEvents, scaleDown, now, profile), current);
            var (minAllowed, reason) = min < limit ? (limit, "ScaleDownLimit") : (min, "TooFewReplicas");
            if (desired < minAllowed)
            {
                return new ReplicaDecision(minAllowed, reason);
            }
        }

        return new ReplicaDecision(desired, "DesiredWithinRange");
    }
}
