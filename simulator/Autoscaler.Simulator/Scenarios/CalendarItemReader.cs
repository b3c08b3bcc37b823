using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;

namespace Autoscaler.Simulator.Scenarios;

/// <summary>
/// Reads the inline calendar items of <c>prescale</c>: one-off <c>schedule</c> entries (UTC, or local time with an
/// IANA <c>timeZone</c>), cron <c>recurring</c> windows, and <c>exclusions</c> dates. Times go through the core's
/// <see cref="LocalTimeResolver"/>, so a DST-gap local time or an unknown zone is an error on its line.
/// </summary>
internal static class CalendarItemReader
{
    public static PlannedEvent? OneOff(YamlMap item)
    {
        var start = item.String("start");
        var end = item.String("end");
        var zone = item.String("timeZone");
        var kind = item.String("kind");
        var description = item.String("description");
        var expected = Expected(item);
        var ramp = Ramp(item);
        item.RejectUnknown();
        if (start is null) item.Error("start", "required (ISO-8601 UTC such as 2026-11-27T08:00:00Z, or local with timeZone)");
        if (end is null) item.Error("end", "required");
        if (kind is null) item.Error("kind", "required");
        DateTimeOffset s = default, e = default;
        var ok = start is not null && Resolve(item, "start", start, zone, false, out s);
        ok &= end is not null && Resolve(item, "end", end, zone, true, out e);
        if (ok && e <= s) item.Error("end", $"end {e:O} is not after start {s:O}");
        return ok && e > s && kind is not null ? new PlannedEvent(s, e, kind, expected) { Ramp = ramp, Description = description } : null;
    }

    public static RecurringWindow? Recurring(YamlMap item)
    {
        var cron = item.String("cron");
        var zone = item.String("timeZone");
        var duration = PrescaleReader.Duration(item, "duration");
        var kind = item.String("kind");
        var expected = Expected(item);
        var ramp = Ramp(item);
        item.RejectUnknown();
        if (cron is null) item.Error("cron", "required (minute hour day-of-month month day-of-week, e.g. '0 18 * * FRI')");
        if (duration is null) item.Error("duration", "required (e.g. 2h)");
        if (cron is null || duration is null) return null;
        var window = RecurringWindow.TryCreate(cron, zone ?? "UTC", duration.Value, kind ?? "recurring", expected, ramp, out var error);
        if (window is null) item.Error(error.Contains("time zone", StringComparison.Ordinal) ? "timeZone" : "cron", error);
        return window;
    }

    public static ExclusionDate? Exclusion(YamlMap item)
    {
        var date = item.String("date");
        var zone = item.String("timeZone");
        item.RejectUnknown();
        if (date is null)
        {
            item.Error("date", "required (yyyy-MM-dd)");
            return null;
        }

        var exclusion = ExclusionDate.TryCreate(date, zone ?? "UTC", out var error);
        if (exclusion is null) item.Error(error.Contains("time zone", StringComparison.Ordinal) ? "timeZone" : "date", error);
        return exclusion;
    }

    private static bool Resolve(YamlMap item, string key, string text, string? zone, bool isEnd, out DateTimeOffset instant)
    {
        if (LocalTimeResolver.TryResolve(text, zone, isEnd, out instant, out var error)) return true;
        item.Error(error.Contains("IANA", StringComparison.Ordinal) ? "timeZone" : key, error);
        return false;
    }

    private static ExpectedLoad? Expected(YamlMap item)
    {
        var multiplier = item.Double("multiplier");
        var bump = item.Double("bump");
        var floor = item.Int("floor");
        var given = new[] { multiplier is not null, bump is not null, floor is not null }.Count(b => b);
        if (given > 1) item.Error("multiplier", "give at most one of multiplier, bump and floor");
        if (multiplier is { } m && m <= 0) item.Error("multiplier", $"must be > 0 (was {m})");
        if (bump is { } b && b <= -1) item.Error("bump", $"must be > -1 (was {b}; 0.4 means +40 %)");
        if (floor is { } f && f < 1) item.Error("floor", $"must be ≥ 1 (was {f})");
        return multiplier is { } mm ? ExpectedLoad.Multiplier(mm) : bump is { } bb ? ExpectedLoad.Bump(bb) : floor is { } ff ? ExpectedLoad.Floor(ff) : null;
    }

    private static IReadOnlyList<RampStep> Ramp(YamlMap item)
    {
        var steps = new List<RampStep>();
        foreach (var step in item.List("ramp") ?? [])
        {
            var before = PrescaleReader.Duration(step, "before");
            var share = step.Double("share");
            step.RejectUnknown();
            if (before is null) step.Error("before", "required (e.g. 30m)");
            if (share is not { } s || s <= 0 || s > 1) step.Error("share", "required, in (0, 1]");
            if (before is { } b && share is { } sh && sh > 0 && sh <= 1) steps.Add(new RampStep(b, sh));
        }

        return steps;
    }
}
