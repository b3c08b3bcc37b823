using Autoscaler.Core.Hpa.State;

namespace Autoscaler.Core.Hpa.Behavior;

/// <summary>Behavior-path stabilisation windows, HPA_SPEC.md §8.2, for both profiles.</summary>
public static class BehaviorStabilizer
{
    /// <summary>
    /// Stabilises <paramref name="desired"/> against the recorded recommendations, then records it
    /// (overwriting the last obsolete entry, else appending). "Inside a window" means strictly newer than
    /// <c>now − W</c>. The reason is <c>ScaleUpStabilized</c>/<c>ScaleDownStabilized</c> when the value moved,
    /// else <c>ReadyForNewScale</c>.
    /// </summary>
    public static ReplicaDecision Stabilize(List<TimestampedRecommendation> recommendations, int current, int desired,
        int upWindowSeconds, int downWindowSeconds, DateTimeOffset now, HpaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        var stabilized = profile == HpaProfile.V1_20
            ? StabilizeV120(recommendations, current, desired, upWindowSeconds, downWindowSeconds, now)
            : StabilizeCurrent(recommendations, current, desired, upWindowSeconds, downWindowSeconds, now);
        var reason = stabilized == desired ? "ReadyForNewScale"
            : desired >= current ? "ScaleUpStabilized" : "ScaleDownStabilized";
        return new ReplicaDecision(stabilized, reason);
    }

    // v1.20 looks at one window only, chosen by the direction of desired vs current; this can move the
    // result against the metric direction (a documented upstream quirk kept on purpose).
    private static int StabilizeV120(List<TimestampedRecommendation> recs, int current, int desired, int up, int down, DateTimeOffset now)
    {
        var scaleUp = desired >= current;
        var cutoff = now - TimeSpan.FromSeconds(scaleUp ? up : down);
        var obsoleteCutoff = now - TimeSpan.FromSeconds(Math.Max(up, down));
        var result = desired;
        var oldIndex = -1;
        for (var i = 0; i < recs.Count; i++)
        {
            var rec = recs[i];
            if (rec.Timestamp > cutoff)
            {
                result = scaleUp ? Math.Min(rec.Replicas, result) : Math.Max(rec.Replicas, result);
            }

            if (rec.Timestamp < obsoleteCutoff)
            {
                oldIndex = i;
            }
        }

        Record(recs, oldIndex, desired, now);
        return result;
    }

    // Current: clamp current between the lowest recommendation of the up window and the highest of the
    // down window, so the result always lies between current and desired.
    private static int StabilizeCurrent(List<TimestampedRecommendation> recs, int current, int desired, int up, int down, DateTimeOffset now)
    {
        var upCutoff = now - TimeSpan.FromSeconds(up);
        var downCutoff = now - TimeSpan.FromSeconds(down);
        var upRecommendation = desired;
        var downRecommendation = desired;
        var oldIndex = -1;
        for (var i = 0; i < recs.Count; i++)
        {
            var rec = recs[i];
            if (rec.Timestamp > upCutoff)
            {
                upRecommendation = Math.Min(rec.Replicas, upRecommendation);
            }

            if (rec.Timestamp > downCutoff)
            {
                downRecommendation = Math.Max(rec.Replicas, downRecommendation);
            }

            if (rec.Timestamp < upCutoff && rec.Timestamp < downCutoff)
            {
                oldIndex = i;
            }
        }

        Record(recs, oldIndex, desired, now);
        var result = current;
        if (result < upRecommendation)
        {
            result = upRecommendation;
        }

        if (result > downRecommendation)
        {
            result = downRecommendation;
        }

        return result;
    }

    private static void Record(List<TimestampedRecommendation> recs, int oldIndex, int desired, DateTimeOffset now)
    {
        var entry = new TimestampedRecommendation(desired, now);
        if (oldIndex >= 0)
        {
            recs[oldIndex] = entry;
        }
        else
        {
            recs.Add(entry);
        }
    }
}
