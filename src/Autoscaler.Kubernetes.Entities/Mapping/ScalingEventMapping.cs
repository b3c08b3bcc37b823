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
    /// <summary>Earliest instant a spec may name (start, end, until): the Unix epoch.</summary>
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>Instants from here on are refused: far enough from <see cref="DateTimeOffset.MaxValue"/> for any window arithmetic.</summary>
    public static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Longest ramp or explicit lead time: 30 days. Without these bounds a start in year 1 with a 500 ms ramp (found by
    /// fuzzing, issue #15) or a 14,000-year ramp made the ramp start un-representable and threw out of the planner.
    /// </summary>
    public static readonly TimeSpan MaxRampOrLead = TimeSpan.FromDays(30);

    private static string Written(string? text, DateTimeOffset instant)
    {
        var utc = instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return text is null || text == utc ? utc : $"{text} ({utc})";
    }

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
            // The text as written, then the instant when it differs (a local time): "end 2026-12-04T19:00:00 (18:00:00Z)".
            problems.Add(new InputProblem("EndNotAfterStart", "spec.end", $"end {Written(spec.End, e)} is not after start {Written(spec.Start, s)}{(zone == "UTC" ? "" : $" in {zone}")}"));
        }

        var expected = Expected(spec.ExpectedLoad);
        if (expected is null)
        {
            problems.Add(new InputProblem("MissingExpectedLoad", "spec.expectedLoad", "set one of multiplier, bumpPercent or absoluteFloor"));
        }
        else if (LoadProblem(spec.ExpectedLoad) is { } loadProblem)
        {
            problems.Add(loadProblem);
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

    // The CRD schema's ranges, checked again here because the calendar and the simulator map specs that never met the
    // API server's validation (and NaN or infinity would otherwise reach the planner's arithmetic).
    private static InputProblem? LoadProblem(ExpectedLoad load) => load switch
    {
        { AbsoluteFloor: { } floor } when floor is < 1 or > 10_000 => new("InvalidExpectedLoad", "spec.expectedLoad.absoluteFloor", $"{floor} is outside 1..10000"),
        { AbsoluteFloor: not null } => null,
        { Multiplier: { } m } when !(m > 1 && m <= 10_000) => new("InvalidExpectedLoad", "spec.expectedLoad.multiplier", FormattableString.Invariant($"{m} is not above 1 and at most 10000")),
        { Multiplier: not null } => null,
        { BumpPercent: { } bump } when bump is < 1 or > 10_000 => new("InvalidExpectedLoad", "spec.expectedLoad.bumpPercent", $"{bump} is outside 1..10000"),
        _ => null,
    };

    private static DateTimeOffset? Instant(string text, string zone, bool isEnd, string field, List<InputProblem> problems)
    {
        if (LocalTimeResolver.TryResolve(text, zone, isEnd, out var instant, out var error))
        {
            if (instant >= Earliest && instant < Latest)
            {
                return instant;
            }

            problems.Add(new InputProblem("InvalidTime", field, $"{instant:yyyy-MM-dd'T'HH:mm:ss'Z'} is outside {Earliest:yyyy-MM-dd} .. {Latest.AddDays(-1):yyyy-MM-dd}"));
            return null;
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
            if (duration <= MaxRampOrLead)
            {
                return duration;
            }

            problems.Add(new InputProblem("InvalidDuration", field, $"'{text}' is longer than {DurationParser.Format(MaxRampOrLead)}"));
            return null;
        }

        problems.Add(new InputProblem("InvalidDuration", field, error));
        return null;
    }
}
