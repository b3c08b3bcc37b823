using Autoscaler.Core.Hpa.State;

namespace Autoscaler.Core.Hpa.Behavior;

/// <summary><c>storeScaleEvent</c>, HPA_SPEC.md §8.3: remembers a successful rescale for the rate policies.</summary>
public static class ScaleEventRecorder
{
    /// <summary>
    /// Marks events older than the direction's longest policy period as outdated (sticky), then overwrites the
    /// last outdated event with the new one or appends it. <paramref name="behavior"/> must have its API
    /// defaults applied; with a null behavior nothing is stored.
    /// </summary>
    public static void Record(HpaControllerState state, HpaBehavior? behavior, int previous, int next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (behavior is null)
        {
            return;
        }

        var up = next > previous;
        var rules = up ? behavior.ScaleUp : behavior.ScaleDown;
        var events = up ? state.ScaleUpEvents : state.ScaleDownEvents;
        var cutoff = now - TimeSpan.FromSeconds(rules?.LongestPolicyPeriodSeconds ?? 0);
        var oldIndex = -1;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Timestamp < cutoff && !e.Outdated)
            {
                events[i] = e with { Outdated = true };
            }

            if (events[i].Outdated)
            {
                oldIndex = i;
            }
        }

        var entry = new ScaleEvent(Math.Abs(next - previous), now);
        if (oldIndex >= 0)
        {
            events[oldIndex] = entry;
        }
        else
        {
            events.Add(entry);
        }
    }
}
