using Autoscaler.Simulator.Engine;

namespace Autoscaler.Simulator.Prescale;

/// <summary>
/// Computes <see cref="PrescaleOutcome"/> from a finished replay. Exact, not sampled: pods only change at syncs, so
/// each timeline row's replicas hold until the next row; overload comes from the ledger's exact periods.
/// </summary>
internal static class PrescaleAccounting
{
    public static PrescaleOutcome Compute(PrescaleDriver driver, ReplayOutcome outcome)
    {
        var from = new DateTimeOffset(outcome.From, TimeSpan.Zero);
        var to = new DateTimeOffset(outcome.To, TimeSpan.Zero);
        var events = driver.Model.Calendar.Occurrences(from, to).Where(e => e.Start < to && e.End > from).ToList();
        var timeline = outcome.Timeline;
        double floorMinutes = 0, floorPodMinutes = 0;
        for (var i = 0; i < timeline.Count; i++)
        {
            if (timeline.Floor[i] <= 0) continue;
            var minutes = (End(timeline, i, outcome.To) - timeline.Ticks[i]) / (double)TimeSpan.TicksPerMinute;
            floorMinutes += minutes;
            floorPodMinutes += minutes * timeline.Replicas[i];
        }

        var impacts = events.Select(e => Impact(e.Kind, e.Start.UtcDateTime, e.End.UtcDateTime, e.Description, outcome)).ToList();
        var union = Union(events.Select(e => (Max(e.Start.UtcDateTime, outcome.From), Min(e.End.UtcDateTime, outcome.To))));
        return new PrescaleOutcome
        {
            Mode = driver.Model.Mode,
            Actuation = driver.Model.Actuation,
            LeadTime = driver.LeadTime,
            Forecaster = driver.Model.Forecaster,
            FloorMinutes = floorMinutes,
            PrescalePodHours = floorPodMinutes / 60,
            EventMinutes = union.Sum(w => (w.End - w.Start).TotalMinutes),
            EventOverloadMinutes = union.Sum(w => OverloadInside(outcome, w.Start, w.End)),
            EventPodHours = union.Sum(w => PodMinutesInside(outcome, w.Start, w.End)) / 60,
            Events = impacts,
            Decisions = driver.Changes,
            TrustGate = driver.PreScale.Policy.TrustWindow is not null,
            TrustWindow = driver.Model.TrustWindow,
            WithheldSteps = driver.WithheldSteps,
            LastVerdict = driver.PreScale.Accuracy?.Describe(),
            Trusted = driver.PreScale.Accuracy?.Trusted,
        };
    }

    private static EventImpact Impact(string kind, DateTime start, DateTime end, string? description, ReplayOutcome outcome)
    {
        var covering = outcome.OverloadPeriods.FirstOrDefault(p => p.Start <= start && p.End > start);
        var ttc = covering is null ? 0 : (covering.End - start).TotalSeconds;
        return new EventImpact(kind, start, end, description, OverloadInside(outcome, start, end), ttc, PodMinutesInside(outcome, start, end) / 60);
    }

    private static double OverloadInside(ReplayOutcome outcome, DateTime start, DateTime end) =>
        outcome.OverloadPeriods.Sum(p => Math.Max(0, (Min(p.End, end) - Max(p.Start, start)).TotalMinutes));

    private static double PodMinutesInside(ReplayOutcome outcome, DateTime start, DateTime end)
    {
        var t = outcome.Timeline;
        var total = 0.0;
        for (var i = 0; i < t.Count; i++)
        {
            var a = Math.Max(t.Ticks[i], start.Ticks);
            var b = Math.Min(End(t, i, outcome.To), end.Ticks);
            if (b > a) total += (b - a) / (double)TimeSpan.TicksPerMinute * t.Replicas[i];
        }

        return total;
    }

    private static long End(Timeline t, int i, DateTime to) => i + 1 < t.Count ? t.Ticks[i + 1] : to.Ticks;

    private static List<(DateTime Start, DateTime End)> Union(IEnumerable<(DateTime Start, DateTime End)> windows)
    {
        var merged = new List<(DateTime Start, DateTime End)>();
        foreach (var w in windows.Where(w => w.End > w.Start).OrderBy(w => w.Start))
        {
            if (merged.Count > 0 && w.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Max(merged[^1].End, w.End));
            else merged.Add(w);
        }

        return merged;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
