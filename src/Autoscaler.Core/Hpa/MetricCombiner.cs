using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Core.Hpa;

/// <summary><c>computeReplicasForMetrics</c>, HPA_SPEC.md §7: the largest valid proposal, and what invalid metrics block.</summary>
internal static class MetricCombiner
{
    /// <summary>The combined outcome. <c>Fatal</c> means: stop, no scaling, status.desiredReplicas unchanged.</summary>
    public readonly record struct Outcome(int Replicas, MetricProposal[] Metrics, string? Error, bool Fatal);

    public static Outcome Combine(HpaSpec spec, ScaleSnapshot scale, IReadOnlyList<PodSnapshot> pods, IReadOnlyList<MetricObservation?> observations,
        HpaTolerance tolerance, HpaControllerOptions options, DateTimeOffset now, List<HpaCondition> conditions)
    {
        if (scale.SelectorError is { } selectorError)
        {
            conditions.Add(new HpaCondition(HpaCondition.ScalingActive, false, "InvalidSelector", selectorError));
            return new Outcome(0, [], selectorError, Fatal: true);
        }

        var metrics = new MetricProposal[spec.Metrics.Count];
        var replicas = 0;
        var invalid = 0;
        MetricProposal? firstInvalid = null;
        for (var i = 0; i < metrics.Length; i++)
        {
            var observation = i < observations.Count ? observations[i] : null;
            var proposal = ReplicaCalculator.Compute(spec.Metrics[i], observation, scale, pods, tolerance, options, now);
            metrics[i] = proposal;
            if (!proposal.IsValid)
            {
                invalid++;
                firstInvalid ??= proposal;
            }
            else if (replicas == 0 || proposal.Replicas > replicas)
            {
                replicas = proposal.Replicas;
            }
        }

        var error = invalid == 0 ? null
            : $"invalid metrics ({invalid} invalid out of {metrics.Length}), first error is: {firstInvalid?.Error ?? "no metrics specified"}";
        // Current profile (D1): while any metric is broken, a scale-down is refused; a scale-up still happens.
        var blocked = invalid >= metrics.Length
            || (tolerance.Profile == HpaProfile.Current && invalid > 0 && replicas < scale.SpecReplicas);
        if (blocked)
        {
            var reason = firstInvalid?.Reason ?? "InvalidMetricSourceType";
            conditions.Add(new HpaCondition(HpaCondition.ScalingActive, false, reason, error ?? "no metrics specified"));
            return new Outcome(0, metrics, error ?? "no metrics specified", Fatal: true);
        }

        conditions.Add(HpaConditions.ValidMetricFound);
        return new Outcome(replicas, metrics, tolerance.Profile == HpaProfile.Current ? error : null, Fatal: false);
    }
}
