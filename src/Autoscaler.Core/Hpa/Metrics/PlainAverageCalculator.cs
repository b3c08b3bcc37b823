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

        var groups = PodGroups.Classify(pods, samples, cpu, options, now);
        var metrics = WorkingSet.Without(samples, groups.Ignored, groups.Unready);
        if (metrics.Count == 0)
        {
            return MetricProposal.Invalid(failReason, "did not receive metrics for any ready pods");
        }

        var ratio = Ratio(metrics, target, out var average);
        var status = new MetricProposal(currentReplicas, null, null) { StatusValueMilli = average };
        var rebalance = groups.Unready.Count > 0 && ratio > 1.0;
        if (!rebalance && groups.Missing.Count == 0)
        {
            return tolerance.IsWithin(ratio) ? status : status with { Replicas = ReplicaMath.CeilTimes(ratio, groups.ReadyCount) };
        }

        var v120 = tolerance.Profile == HpaProfile.V1_20;
        if (groups.Missing.Count > 0 && (v120 || ratio != 1.0))
        {
            // v1.20 treats r == 1.0 like a scale-up (missing pods count as 0); current substitutes nothing then.
            foreach (var name in groups.Missing)
            {
                metrics[name] = ratio < 1.0 ? target : 0;
            }
        }

        if (rebalance)
        {
            foreach (var name in groups.Unready)
            {
                metrics[name] = 0;
            }
        }

        var newRatio = Ratio(metrics, target, out _);
        return status with { Replicas = WorkingSet.Guarded(ratio, newRatio, metrics.Count, currentReplicas, tolerance, finalGuard: !v120) };
    }

    // GetMetricUtilizationRatio: integer average of every entry, superfluous pods included.
    private static double Ratio(Dictionary<string, long> metrics, long target, out long average)
    {
        long total = 0;
        foreach (var value in metrics.Values)
        {
            total += value;
        }

        average = total / metrics.Count;
        return (double)average / (double)target;
    }
}
