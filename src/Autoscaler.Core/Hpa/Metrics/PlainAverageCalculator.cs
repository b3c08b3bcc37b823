using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>
/// The "plain" per-pod average (<c>calcPlainMetricReplicas</c>): Resource AverageValue and Pods metrics,
/// HPA_SPEC.md §6.2.
/// </summary>
internal static class PlainAverageCalculator
{
    public static MetricProposal Compute(long target, bool cpu, IReadOnlyDictionary<string, PodSample> samples,
        int currentReplicas, IReadOnlyList<PodSnapshot> pods, HpaTolerance tolerance, HpaControllerOptions options, DateTimeOffset now, string failReason)
    {
        if (pods.Count == 0)
        {
            return MetricProposal.Invalid(failReason, "no pods returned by selector while calculating replica count");
        }

        var t = PodTally.Count(pods, samples, cpu, requestKey: null, fallbackPercent: 0, needSuperfluousValue: true, options, now);
        var count = t.Ready + t.Superfluous;
        if (count == 0)
        {
            return MetricProposal.Invalid(failReason, "did not receive metrics for any ready pods");
        }

        // GetMetricUtilizationRatio: integer average of every entry, superfluous pods included.
        var sum = t.ReadyValue + t.SuperfluousValue;
        var average = sum / count;
        var ratio = (double)average / (double)target;
        var rebalance = t.Unready > 0 && ratio > 1.0;
        int replicas;
        if (!rebalance && t.Missing == 0)
        {
            replicas = tolerance.IsWithin(ratio) ? currentReplicas : ReplicaMath.CeilTimes(ratio, t.Ready);
        }
        else
        {
            // v1.20 treats r == 1.0 like a scale-up (missing pods count as 0); current substitutes nothing then.
            var v120 = tolerance.Profile == HpaProfile.V1_20;
            var substitute = t.Missing > 0 && (v120 || ratio != 1.0);
            var total = sum + (substitute && ratio < 1.0 ? target * t.Missing : 0);
            var entries = count + (substitute ? t.Missing : 0) + (rebalance ? t.Unready : 0);
            var newRatio = (double)(total / entries) / (double)target;
            replicas = DirectionGuard.Result(ratio, newRatio, entries, currentReplicas, tolerance, finalGuard: !v120);
        }

        return new MetricProposal(replicas, null, null) { StatusValueMilli = average };
    }
}
