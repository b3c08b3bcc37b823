using Autoscaler.Core.Hpa.State;

namespace Autoscaler.Core.Hpa.Legacy;

/// <summary>Legacy (behavior == nil) scale-down stabilisation, HPA_SPEC.md §8.1.</summary>
public static class LegacyStabilizer
{
    /// <summary>
    /// Returns the highest of <paramref name="desired"/> and the recommendations not older than the window
    /// (an entry exactly at the cutoff still counts), then records <paramref name="desired"/>: it overwrites the
    /// last expired entry or is appended.
    /// </summary>
    public static int Stabilize(List<TimestampedRecommendation> recommendations, int desired, TimeSpan window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        var cutoff = now - window;
        var stabilized = desired;
        var oldIndex = -1;
        for (var i = 0; i < recommendations.Count; i++)
        {
            var rec = recommendations[i];
            if (rec.Timestamp < cutoff)
            {
                oldIndex = i;
            }
            else if (rec.Replicas > stabilized)
            {
                stabilized = rec.Replicas;
            }
        }

        var entry = new TimestampedRecommendation(desired, now);
        if (oldIndex >= 0)
        {
            recommendations[oldIndex] = entry;
        }
        else
        {
            recommendations.Add(entry);
        }

        return stabilized;
    }
}
