using Autoscaler.Core.Hpa.State;

namespace Autoscaler.Core.Hpa.Behavior;

/// <summary>The per-direction limits the behavior policies allow right now (HPA_SPEC.md §8.2 "Rate limiting").</summary>
public static class ScaleLimits
{
    /// <summary>
    /// The highest replica count the scale-up policies allow. Periods start at
    /// <c>current − upChanges</c> (current profile: <c>+ downChanges</c>). Not floored at current here.
    /// </summary>
    public static int ScaleUpLimit(int current, IReadOnlyList<ScaleEvent> upEvents, IReadOnlyList<ScaleEvent> downEvents,
        HpaScalingRules rules, DateTimeOffset now, HpaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var select = RequireSelect(rules);
        if (select == ScalingPolicySelect.Disabled)
        {
            return current;
        }

        var result = select == ScalingPolicySelect.Min ? int.MaxValue : int.MinValue;
        var policies = RequirePolicies(rules);
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var start = current - ChangesInPeriod(upEvents, policy.PeriodSeconds, now);
            if (profile == HpaProfile.Current)
            {
                start += ChangesInPeriod(downEvents, policy.PeriodSeconds, now);
            }

            var proposed = policy.Type == HpaScalingPolicyType.Pods
                ? start + policy.Value
                : (int)Math.Ceiling(start * (1 + (policy.Value / 100.0)));
            result = select == ScalingPolicySelect.Min ? Math.Min(result, proposed) : Math.Max(result, proposed);
        }

        return result;
    }

    /// <summary>
    /// The lowest replica count the scale-down policies allow. Periods start at
    /// <c>current + downChanges</c> (current profile: <c>− upChanges</c>). Not capped at current here.
    /// </summary>
    public static int ScaleDownLimit(int current, IReadOnlyList<ScaleEvent> upEvents, IReadOnlyList<ScaleEvent> downEvents,
        HpaScalingRules rules, DateTimeOffset now, HpaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var select = RequireSelect(rules);
        if (select == ScalingPolicySelect.Disabled)
        {
            return current;
        }

        var result = select == ScalingPolicySelect.Min ? int.MinValue : int.MaxValue;
        var policies = RequirePolicies(rules);
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var start = current + ChangesInPeriod(downEvents, policy.PeriodSeconds, now);
            if (profile == HpaProfile.Current)
            {
                start -= ChangesInPeriod(upEvents, policy.PeriodSeconds, now);
            }

            var proposed = policy.Type == HpaScalingPolicyType.Pods
                ? start - policy.Value
                : (int)(start * (1 - (policy.Value / 100.0)));
            result = select == ScalingPolicySelect.Min ? Math.Max(result, proposed) : Math.Min(result, proposed);
        }

        return result;
    }

    /// <summary>Sum of the changes of events strictly inside the last <paramref name="periodSeconds"/>.</summary>
    public static int ChangesInPeriod(IReadOnlyList<ScaleEvent> events, int periodSeconds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var cutoff = now - TimeSpan.FromSeconds(periodSeconds);
        var sum = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Timestamp > cutoff)
            {
                sum += events[i].ReplicaChange;
            }
        }

        return sum;
    }

    private static ScalingPolicySelect RequireSelect(HpaScalingRules rules) =>
        rules.SelectPolicy ?? throw new ArgumentException("scaling rules need selectPolicy: apply HpaBehavior.WithApiDefaults first", nameof(rules));

    private static IReadOnlyList<HpaScalingPolicy> RequirePolicies(HpaScalingRules rules) =>
        rules.Policies ?? throw new ArgumentException("scaling rules need policies: apply HpaBehavior.WithApiDefaults first", nameof(rules));
}
