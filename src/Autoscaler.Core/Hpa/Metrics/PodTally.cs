using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>
/// <c>groupPods</c> (HPA_SPEC.md §5) folded into the sums the calculators need, in one pass and without
/// per-sync maps: every later step of §6.1/§6.2 is a sum over ready, missing, unready or superfluous
/// entries, so the sums give the same integers as upstream's per-pod map.
/// </summary>
internal struct PodTally
{
    /// <summary>Ready pods (they have a trusted sample).</summary>
    public int Ready;

    /// <summary>Unready pods: Pending, or distrusted by the cpu readiness rules.</summary>
    public int Unready;

    /// <summary>Listed, not ignored or pending, without a sample.</summary>
    public int Missing;

    /// <summary>Samples of pods that are not listed (they stay in the sample set).</summary>
    public int Superfluous;

    public long ReadyValue;
    public long ReadyRequest;
    public long SuperfluousValue;
    public long MissingRequest;

    /// <summary>Σ over missing pods of <c>request × fallbackPercent / 100</c> (per-pod integer division).</summary>
    public long MissingFallback;
    public long UnreadyRequest;

    /// <summary>True when a listed pod has no request under the key (Utilization only).</summary>
    public bool RequestMissing;

    // requestKey: the request key for Utilization, null for the plain path (no requests).
    // fallbackPercent: the missing-pod scale-down substitute in percent of request.
    public static PodTally Count(IReadOnlyList<PodSnapshot> pods, IReadOnlyDictionary<string, PodSample> samples, bool cpu,
        string? requestKey, long fallbackPercent, bool needSuperfluousValue, HpaControllerOptions options, DateTimeOffset now)
    {
        var t = default(PodTally);
        var listedWithSample = 0;
        long listedSampleValue = 0;
        for (var i = 0; i < pods.Count; i++)
        {
            var pod = pods[i];
            long request = 0;
            if (requestKey is not null && !pod.RequestsMilli.TryGetValue(requestKey, out request))
            {
                t.RequestMissing = true;
            }

            var hasSample = samples.TryGetValue(pod.Name, out var sample);
            if (hasSample)
            {
                listedWithSample++;
                listedSampleValue += sample.ValueMilli;
            }

            if (pod.Deleting || pod.Phase == PodPhase.Failed)
            {
                continue; // ignored: its sample is dropped
            }

            if (pod.Phase == PodPhase.Pending || (hasSample && cpu && PodReadiness.IsCpuUnready(pod, sample, options, now)))
            {
                t.Unready++;
                t.UnreadyRequest += request;
            }
            else if (!hasSample)
            {
                t.Missing++;
                t.MissingRequest += request;
                t.MissingFallback += request * fallbackPercent / 100;
            }
            else
            {
                t.Ready++;
                t.ReadyValue += sample.ValueMilli;
                t.ReadyRequest += request;
            }
        }

        t.Superfluous = samples.Count - listedWithSample;
        if (needSuperfluousValue && t.Superfluous > 0)
        {
            t.SuperfluousValue = SumAll(samples) - listedSampleValue;
        }

        return t;
    }

    private static long SumAll(IReadOnlyDictionary<string, PodSample> samples)
    {
        long sum = 0;
        foreach (var sample in samples.Values)
        {
            sum += sample.ValueMilli;
        }

        return sum;
    }
}
