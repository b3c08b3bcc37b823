using Cronos;
using NodaTime;

namespace Autoscaler.Core.Planning.Calendar;

/// <summary>
/// A window that recurs on a cron schedule in local time (Cronos syntax, 5 fields, e.g. <c>0 18 * * FRI</c>),
/// lasting <see cref="Duration"/>. The schedule is evaluated on the zone's wall clock, so "18:00 every Friday"
/// stays 18:00 across DST changes; an occurrence inside a spring-forward gap moves forward by the gap's
/// length, one inside an autumn overlap takes the earlier instant.
/// </summary>
public sealed class RecurringWindow
{
    private readonly CronExpression _cron;
    private readonly DateTimeZone _zone;

    private RecurringWindow(CronExpression cron, string cronText, DateTimeZone zone, TimeSpan duration, string kind, ExpectedLoad? expected, IReadOnlyList<RampStep> ramp)
    {
        _cron = cron;
        _zone = zone;
        Cron = cronText;
        Duration = duration;
        Kind = kind;
        Expected = expected;
        Ramp = ramp;
    }

    /// <summary>The cron expression as given.</summary>
    public string Cron { get; }

    /// <summary>The IANA zone the schedule's wall clock is read in.</summary>
    public string ZoneId => _zone.Id;

    /// <summary>Length of each occurrence (&gt; 0).</summary>
    public TimeSpan Duration { get; }

    /// <summary>Kind of every occurrence.</summary>
    public string Kind { get; }

    /// <summary>Expected load of every occurrence, or null.</summary>
    public ExpectedLoad? Expected { get; }

    /// <summary>Ramp of every occurrence.</summary>
    public IReadOnlyList<RampStep> Ramp { get; }

    /// <summary>
    /// Creates a window; returns null with a reason for a bad cron expression, an unknown zone or a
    /// non-positive duration.
    /// </summary>
    public static RecurringWindow? TryCreate(
        string cron, string? zoneId, TimeSpan duration, string kind, ExpectedLoad? expected, IReadOnlyList<RampStep>? ramp, out string error)
    {
        ArgumentNullException.ThrowIfNull(cron);
        ArgumentNullException.ThrowIfNull(kind);
        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(cron.Trim(), CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            error = $"'{cron}' is not a cron expression (minute hour day-of-month month day-of-week, e.g. '0 18 * * FRI'): {e.Message}";
            return null;
        }

        var zone = LocalTimeResolver.FindZone(zoneId ?? "UTC", out error);
        if (zone is null) return null;
        if (duration <= TimeSpan.Zero)
        {
            error = "the duration must be positive";
            return null;
        }

        return new RecurringWindow(expression, cron.Trim(), zone, duration, kind, expected, ramp ?? []);
    }

    /// <summary>Occurrences whose [ramp start, end) overlaps [<paramref name="from"/>, <paramref name="to"/>), in start order.</summary>
    public IEnumerable<PlannedEvent> Occurrences(DateTimeOffset from, DateTimeOffset to)
    {
        var rampLead = Ramp.Count == 0 ? TimeSpan.Zero : Ramp.Max(r => r.BeforeStart);
        // Wall-clock times written as UTC DateTimes: Cronos then walks the local calendar with no DST of its own.
        var localFrom = WallClock(from - Duration - TimeSpan.FromHours(3));
        var localTo = WallClock(to + rampLead + TimeSpan.FromHours(3));
        foreach (var wall in _cron.GetOccurrences(localFrom, localTo, fromInclusive: true, toInclusive: false))
        {
            var start = LocalTimeResolver.ResolveLenient(LocalDateTime.FromDateTime(wall), _zone);
            var occurrence = new PlannedEvent(start, start + Duration, Kind, Expected) { Ramp = Ramp, Description = $"cron '{Cron}' {ZoneId}" };
            if (occurrence.End > from && occurrence.RampStart < to) yield return occurrence;
        }
    }

    private DateTime WallClock(DateTimeOffset instant) =>
        DateTime.SpecifyKind(Instant.FromDateTimeOffset(instant).InZone(_zone).LocalDateTime.ToDateTimeUnspecified(), DateTimeKind.Utc);
}
