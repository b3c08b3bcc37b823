using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Core.TimeSeries;
using CoreLoad = Autoscaler.Core.Planning.ExpectedLoad;

namespace Autoscaler.Kubernetes.Entities.Mapping;

/// <summary>
/// ScalingEvent spec → Core's calendar types (<see cref="EventSeries"/>, <see cref="PlannedEvent"/>,
/// <see cref="CoreLoad"/>): the one conversion the controller plans with and the calendar lists and previews with.
/// Checks what the CRD schema cannot about times (the zone is known, end after start, no local time in a DST gap,
/// the cron schedule parses, durations parse); target checks belong to the host that knows the HPAs. Time rules are
/// Core's <see cref="LocalTimeResolver"/> and <see cref="RecurringWindow"/>.
/// </summary>
public static class ScalingEventMapping
{
    /// <summary>Maps a spec; collects every problem instead of stopping at the first.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="description">The planned events' description (such as "namespace/name").</param>
    /// <returns>The series (null when any problem was found), the explicit lead time and the problems.</returns>
    public static MappedScalingEvent Map(ScalingEventSpec spec, string? description)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<InputProblem>();
        var zone = spec.TimeZone;
        if (zone is not null && LocalTimeResolver.FindZone(zone, out var zoneError) is null)
        {
            problems.Add(new InputProblem("UnknownTimeZone", "spec.timeZone", zoneError));
            zone = null;
        }

        zone ??= "UTC";
        var start = Instant(spec.Start, zone, isEnd: false, "spec.start", problems);
        var end = Instant(spec.End, zone, isEnd: true, "spec.end", problems);
        if (start is { } s && end is { } e && e <= s)
        {
            problems.Add(new InputProblem("EndNotAfterStart", "spec.end", $"end {e:yyyy-MM-dd'T'HH:mm:ss'Z'} is not after start {s:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        }

        var expected = Expected(spec.ExpectedLoad);
        if (expected is null)
        {
            problems.Add(new InputProblem("MissingExpectedLoad", "spec.expectedLoad", "set one of multiplier, bumpPercent or absoluteFloor"));
        }

        var ramp = Ramp(spec.Ramp, problems);
        TimeSpan? lead = spec.LeadTime is { } leadText && leadText != "auto" ? Duration(leadText, "spec.leadTime", problems) : null;
        if (problems.Count > 0 || start is not { } from || end is not { } to)
        {
            return new MappedScalingEvent(null, lead, problems);
        }

        var first = new PlannedEvent(from, to, spec.Kind, expected) { Ramp = ramp, Description = description };
        RecurringWindow? recurring = null;
        DateTimeOffset? until = null;
        if (spec.Recurrence is { } recurrence)
        {
            recurring = RecurringWindow.TryCreate(recurrence.Schedule, zone, to - from, spec.Kind, expected, ramp, out var cronError);
            if (recurring is null)
            {
                problems.Add(new InputProblem("InvalidSchedule", "spec.recurrence.schedule", cronError));
            }

            until = recurrence.Until is { } untilText ? Instant(untilText, zone, isEnd: true, "spec.recurrence.until", problems) : null;
        }

        return new MappedScalingEvent(problems.Count == 0 ? new EventSeries(first, recurring, until) : null, lead, problems);
    }

    /// <summary>spec.expectedLoad → Core's expected load: absoluteFloor, else multiplier, else bumpPercent (as a fraction); null when none is set.</summary>
    /// <param name="load">The CRD's expectedLoad.</param>
    /// <returns>The load, or null.</returns>
    public static CoreLoad? Expected(ExpectedLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return load switch
        {
            { AbsoluteFloor: { } floor } => CoreLoad.Floor(floor),
            { Multiplier: { } multiplier } => CoreLoad.Multiplier(multiplier),
            { BumpPercent: { } bump } => CoreLoad.Bump(bump / 100.0),
            _ => null,
        };
    }

    private static DateTimeOffset? Instant(string text, string zone, bool isEnd, string field, List<InputProblem> problems)
    {
        if (LocalTimeResolver.TryResolve(text, zone, isEnd, out var instant, out var error))
        {
            return instant;
        }

        var reason = error.Contains("DST gap", StringComparison.Ordinal) ? "LocalTimeInDstGap" : "InvalidTime";
        problems.Add(new InputProblem(reason, field, error));
        return null;
    }

    /// <summary>A ramp of R rises in four equal steps: a quarter of the load R before start, all of it R/4 before start.</summary>
    private static IReadOnlyList<RampStep> Ramp(string? text, List<InputProblem> problems)
    {
        if (text is null || Duration(text, "spec.ramp", problems) is not { } ramp || ramp <= TimeSpan.Zero)
        {
            return [];
        }

        return [new RampStep(ramp, 0.25), new RampStep(ramp * 0.75, 0.5), new RampStep(ramp * 0.5, 0.75), new RampStep(ramp * 0.25, 1.0)];
    }

    private static TimeSpan? Duration(string text, string field, List<InputProblem> problems)
    {
        if (DurationParser.TryParse(text, out var duration, out var error))
        {
            return duration;
        }

        problems.Add(new InputProblem("InvalidDuration", field, error));
        return null;
    }
}
