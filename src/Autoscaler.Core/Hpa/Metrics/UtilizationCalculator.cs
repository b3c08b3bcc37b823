using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>Resource and ContainerResource with a Utilization target (<c>GetResourceReplicas</c>), HPA_SPEC.md §6.1.</summary>
internal static class UtilizationCalculator
{
    public static MetricProposal Compute(MetricSpec spec, int targetUtilization, IReadOnlyDictionary<string, PodSample> samples,
        int currentReplicas, IReadOnlyList<PodSnapshot> pods, HpaTolerance tolerance, HpaControllerOptions options, DateTimeOffset now, string failReason)
    {
        if (pods.Count == 0)
        {
            return MetricProposal.Invalid(failReason, "no pods returned by selector while calculating replica count");
        }

        // Current profile: a missing pod on scale-down counts as max(100 %, target) of its request; v1.20: 100 %.
        long fallbackPercent = tolerance.Profile == HpaProfile.V1_20 ? 100 : Math.Max(100, targetUtilization);
        var t = PodTally.Count(pods, samples, spec.IsCpu, spec.RequestKey, fallbackPercent, needSuperfluousValue: false, options, now);
        if (t.RequestMissing)
        {
            return MetricProposal.Invalid(failReason, $"missing request for {spec.ResourceName}");
        }

        if (t.Ready + t.Superfluous == 0)
        {
            return MetricProposal.Invalid(failReason, "did not receive metrics for any ready pods");
        }

        // Superfluous samples have no request: the ratio skips them (GetResourceUtilizationRatio).
        if (t.ReadyRequest == 0)
        {
            return MetricProposal.Invalid(failReason, "no metrics returned matched known pods");
        }

        var utilization = (int)(t.ReadyValue * 100 / t.ReadyRequest);
        var ratio = (double)utilization / (double)targetUtilization;
        var rawAverage = t.ReadyValue / t.Ready;
        var rebalance = t.Unready > 0 && ratio > 1.0;
        int replicas;
        if (!rebalance && t.Missing == 0)
        {
            replicas = tolerance.IsWithin(ratio) ? currentReplicas : ReplicaMath.CeilTimes(ratio, t.Ready);
        }
        else
        {
            // Slow path: missing pods count as fully used on scale-down, idle on scale-up (nothing at r == 1);
            // on a rebalance, unready pods join at 0.
            var substitute = t.Missing > 0 && ratio != 1.0;
            var total = t.ReadyValue + (substitute && ratio < 1.0 ? t.MissingFallback : 0);
            var requests = t.ReadyRequest + (substitute ? t.MissingRequest : 0) + (rebalance ? t.UnreadyRequest : 0);
            var entries = t.Ready + t.Superfluous + (substitute ? t.Missing : 0) + (rebalance ? t.Unready : 0);
            if (requests == 0)
            {
                return MetricProposal.Invalid(failReason, "no metrics returned matched known pods");
            }

            var newRatio = (double)(int)(total * 100 / requests) / (double)targetUtilization;
            replicas = DirectionGuard.Result(ratio, newRatio, entries, currentReplicas, tolerance, finalGuard: true);
        }

        return new MetricProposal(replicas, null, null) { UtilizationPercent = utilization, StatusValueMilli = rawAverage };
    }
}
