using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.Pods;
using Autoscaler.Core.Hpa.State;

namespace Autoscaler.Core.Hpa;

/// <summary>
/// One sync of one HPA (<c>reconcileAutoscaler</c>, HPA_SPEC.md §4): the single entry point the simulator and
/// the live controller call. Pure: time is the explicit <c>now</c>, memory is the explicit state.
/// </summary>
public static class HpaReconciler
{
    /// <summary>
    /// Runs one reconcile and updates <paramref name="state"/> in place.
    /// </summary>
    /// <param name="spec">The HPA spec. A behavior whose fields are not all set gets <see cref="HpaBehavior.WithApiDefaults"/> here, as the API server would have.</param>
    /// <param name="scale">The scale subresource as read now.</param>
    /// <param name="pods">Pods matched by the target's selector (may be empty for Object/External AverageValue).</param>
    /// <param name="observations">One observation per entry of <c>spec.Metrics</c>, same order; a missing or null entry makes that metric invalid.</param>
    /// <param name="state">This HPA's controller memory.</param>
    /// <param name="options">Controller flags and profile.</param>
    /// <param name="now">The instant of this reconcile.</param>
    public static ReconcileResult Reconcile(HpaSpec spec, ScaleSnapshot scale, IReadOnlyList<PodSnapshot> pods,
        IReadOnlyList<MetricObservation?> observations, HpaControllerState state, HpaControllerOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);

        var behavior = spec.Behavior is { } b && !IsDefaulted(b) ? b.WithApiDefaults() : spec.Behavior;
        var current = scale.SpecReplicas;
        state.Recommendations ??= [new TimestampedRecommendation(current, now)];
        var min = spec.MinReplicas ?? 1;
        var max = spec.MaxReplicas;
        var conditions = new List<HpaCondition>(5) { HpaConditions.SucceededGetScale };

        int desired;
        int? proposed = null, stabilized = null;
        IReadOnlyList<MetricProposal> metrics = [];
        string? error = null;
        if (current == 0 && min != 0)
        {
            conditions.Add(HpaConditions.ScalingDisabled);
            return Result(now, current, current, conditions, metrics, null, null, error, statusDesired: 0);
        }
        else if (current > max)
        {
            desired = max;
        }
        else if (current < min)
        {
            desired = min;
        }
        else
        {
            var tolerance = HpaTolerance.For(options, behavior);
            var combined = MetricCombiner.Combine(spec, scale, pods, observations, tolerance, options, now, conditions);
            (metrics, error) = (combined.Metrics, combined.Error);
            if (combined.Fatal)
            {
                return Result(now, current, current, conditions, metrics, null, null, error, statusDesired: null);
            }

            var proposal = Math.Max(0, combined.Replicas);
            (var stable, desired) = behavior is null
                ? Normalizer.Legacy(state, current, proposal, min, max, options, now, conditions)
                : Normalizer.WithBehavior(state, behavior, current, proposal, min, max, options, now, conditions);
            (proposed, stabilized) = (proposal, stable);
        }

        if (desired != current)
        {
            conditions.Add(new HpaCondition(HpaCondition.AbleToScale, true, "SucceededRescale", $"the HPA controller was able to update the target scale to {desired}"));
            ScaleEventRecorder.Record(state, behavior, current, desired, now);
        }

        return Result(now, current, desired, conditions, metrics, proposed, stabilized, error, statusDesired: desired);
    }

    private static ReconcileResult Result(DateTimeOffset now, int current, int desired, List<HpaCondition> conditions,
        IReadOnlyList<MetricProposal> metrics, int? proposed, int? stabilized, string? error, int? statusDesired) => new()
    {
        Time = now,
        CurrentReplicas = current,
        DesiredReplicas = desired,
        Rescaled = desired != current,
        StatusDesiredReplicas = statusDesired,
        ProposedReplicas = proposed,
        StabilizedReplicas = stabilized,
        Metrics = metrics,
        Conditions = conditions,
        Error = error,
    };

    private static bool IsDefaulted(HpaBehavior behavior) =>
        behavior.ScaleUp is { StabilizationWindowSeconds: not null, SelectPolicy: not null, Policies: not null }
        && behavior.ScaleDown is { SelectPolicy: not null, Policies: not null };
}
