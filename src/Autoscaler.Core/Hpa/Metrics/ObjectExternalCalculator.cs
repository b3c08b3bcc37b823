using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>Object and External metrics, HPA_SPEC.md §6.4 and §6.5: one total value, no per-pod samples.</summary>
internal static class ObjectExternalCalculator
{
    /// <summary>Value target: <c>ceil(v/target × readyRunning)</c>, or <c>ceil(v/target)</c> from zero replicas.</summary>
    public static MetricProposal ValueTarget(long value, long target, int currentReplicas, IReadOnlyList<PodSnapshot> pods,
        HpaTolerance tolerance, string failReason)
    {
        var ratio = ReplicaMath.Ratio(value, target);
        if (currentReplicas == 0)
        {
            // The only way to scale up from zero: no tolerance, no pod count.
            return new MetricProposal(ReplicaMath.ToInt32(Math.Ceiling(ratio)), null, null) { StatusValueMilli = value };
        }

        if (tolerance.IsWithin(ratio))
        {
            return new MetricProposal(currentReplicas, null, null) { StatusValueMilli = value };
        }

        if (pods.Count == 0)
        {
            return MetricProposal.Invalid(failReason, "unable to calculate ready pods: no pods returned by selector while calculating replica count");
        }

        var readyRunning = 0;
        for (var i = 0; i < pods.Count; i++)
        {
            var pod = pods[i];
            if (pod.Phase == PodPhase.Running && pod.Ready == PodReadyStatus.True)
            {
                readyRunning++;
            }
        }

        return new MetricProposal(ReplicaMath.CeilTimes(ratio, readyRunning), null, null) { StatusValueMilli = value };
    }

    /// <summary>AverageValue target: tolerance against statusReplicas, proposal <c>ceil(v/target)</c>.</summary>
    public static MetricProposal AverageValueTarget(long value, long target, int statusReplicas, HpaTolerance tolerance)
    {
        var replicas = statusReplicas;
        var ratio = (double)value / ((double)target * (double)statusReplicas);
        if (!tolerance.IsWithin(ratio))
        {
            replicas = ReplicaMath.ToInt32(Math.Ceiling((double)value / (double)target));
        }

        return new MetricProposal(replicas, null, null)
        {
            StatusValueMilli = ReplicaMath.ToInt64(Math.Ceiling((double)value / (double)statusReplicas)),
        };
    }

    /// <summary>Sum of the external series, saturating at int64 max (D7; harmless for v1.20 inputs).</summary>
    public static long Sum(IReadOnlyList<long> values)
    {
        long sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            sum = v > 0 && sum > long.MaxValue - v ? long.MaxValue : sum + v;
        }

        return sum;
    }
}
