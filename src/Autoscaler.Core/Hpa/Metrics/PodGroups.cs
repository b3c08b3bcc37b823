using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>
/// <c>groupPods</c>, HPA_SPEC.md §5: sorts the listed pods into ready, unready, missing and ignored, in that
/// rule order. The cpu readiness rules apply only when <c>cpu</c> is true.
/// </summary>
internal sealed class PodGroups
{
    public int ReadyCount { get; private set; }

    public List<string> Unready { get; } = [];

    public List<string> Missing { get; } = [];

    public List<string> Ignored { get; } = [];

    public static PodGroups Classify(IReadOnlyList<PodSnapshot> pods, IReadOnlyDictionary<string, PodSample> samples, bool cpu,
        HpaControllerOptions options, DateTimeOffset now)
    {
        var groups = new PodGroups();
        for (var i = 0; i < pods.Count; i++)
        {
            var pod = pods[i];
            if (pod.Deleting || pod.Phase == PodPhase.Failed)
            {
                groups.Ignored.Add(pod.Name);
            }
            else if (pod.Phase == PodPhase.Pending)
            {
                groups.Unready.Add(pod.Name);
            }
            else if (!samples.TryGetValue(pod.Name, out var sample))
            {
                groups.Missing.Add(pod.Name);
            }
            else if (cpu && IsCpuUnready(pod, sample, options, now))
            {
                groups.Unready.Add(pod.Name);
            }
            else
            {
                groups.ReadyCount++;
            }
        }

        return groups;
    }

    private static bool IsCpuUnready(PodSnapshot pod, PodSample sample, HpaControllerOptions options, DateTimeOffset now)
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
