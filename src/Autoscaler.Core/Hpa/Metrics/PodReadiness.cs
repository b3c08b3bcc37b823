using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>The cpu readiness rules of HPA_SPEC.md §5 step 4 (applied only to cpu Resource/ContainerResource metrics).</summary>
internal static class PodReadiness
{
    public static bool IsCpuUnready(PodSnapshot pod, PodSample sample, HpaControllerOptions options, DateTimeOffset now)
    {
        if (pod.Ready == PodReadyStatus.Absent || pod.StartTime is not { } start)
        {
            return true;
        }

        var readyFalse = pod.Ready == PodReadyStatus.False;
        if (Add(start, options.CpuInitializationPeriod) > now)
        {
            // Still initialising: distrust a sample that does not cover one full window since the pod became ready.
            return readyFalse || sample.Timestamp < Add(pod.ReadyLastTransitionTime, sample.Window);
        }

        // Initialisation over: unready only if the pod has never been ready.
        return readyFalse && Add(start, options.InitialReadinessDelay) > pod.ReadyLastTransitionTime;
    }

    // The zero time plus a duration stays representable; only guard the far end.
    private static DateTimeOffset Add(DateTimeOffset t, TimeSpan d) =>
        DateTimeOffset.MaxValue - t < d ? DateTimeOffset.MaxValue : t + d;
}
