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

        var groups = PodGroups.Classify(pods, samples, spec.IsCpu, options, now);
        var metrics = WorkingSet.Without(samples, groups.Ignored, groups.Unready);
        var requestKey = spec.RequestKey;
        var requests = new Dictionary<string, long>(pods.Count, StringComparer.Ordinal);
        for (var i = 0; i < pods.Count; i++)
        {
            var pod = pods[i];
            if (!pod.RequestsMilli.TryGetValue(requestKey, out var request))
            {
                return MetricProposal.Invalid(failReason, $"missing request for {spec.ResourceName}");
            }

            requests[pod.Name] = request;
        }

        if (metrics.Count == 0)
        {
            return MetricProposal.Invalid(failReason, "did not receive metrics for any ready pods");
        }

        if (!TryRatio(metrics, requests, targetUtilization, out var ratio, out var utilization, out var rawAverage))
        {
            return MetricProposal.Invalid(failReason, "no metrics returned matched known pods");
        }

        var status = new MetricProposal(currentReplicas, null, null) { UtilizationPercent = utilization, StatusValueMilli = rawAverage };
        var rebalance = groups.Unready.Count > 0 && ratio > 1.0;
        if (!rebalance && groups.Missing.Count == 0)
        {
            return tolerance.IsWithin(ratio) ? status : status with { Replicas = ReplicaMath.CeilTimes(ratio, groups.ReadyCount) };
        }

        if (groups.Missing.Count > 0 && ratio != 1.0)
        {
            // Scale-down: missing pods count as fully used (current: max(100 %, target) of request); scale-up: as idle.
            long fallbackPercent = Math.Max(100, targetUtilization);
            foreach (var name in groups.Missing)
            {
                metrics[name] = ratio > 1.0 ? 0
                    : tolerance.Profile == HpaProfile.V1_20 ? requests[name] : requests[name] * fallbackPercent / 100;
            }
        }

        if (rebalance)
        {
            foreach (var name in groups.Unready)
            {
                metrics[name] = 0;
            }
        }

        if (!TryRatio(metrics, requests, targetUtilization, out var newRatio, out _, out _))
        {
            return MetricProposal.Invalid(failReason, "no metrics returned matched known pods");
        }

        return status with { Replicas = WorkingSet.Guarded(ratio, newRatio, metrics.Count, currentReplicas, tolerance, finalGuard: true) };
    }

    // GetResourceUtilizationRatio: samples without a request (pods not listed) are skipped.
    private static bool TryRatio(Dictionary<string, long> metrics, Dictionary<string, long> requests, int target,
        out double ratio, out int utilization, out long rawAverage)
    {
        long metricsTotal = 0, requestsTotal = 0, entries = 0;
        foreach (var (name, value) in metrics)
        {
            if (requests.TryGetValue(name, out var request))
            {
                metricsTotal += value;
                requestsTotal += request;
                entries++;
            }
        }

        if (requestsTotal == 0)
        {
            (ratio, utilization, rawAverage) = (0, 0, 0);
            return false;
        }

        utilization = (int)(metricsTotal * 100 / requestsTotal);
        rawAverage = metricsTotal / entries;
        ratio = (double)utilization / (double)target;
        return true;
    }
}
