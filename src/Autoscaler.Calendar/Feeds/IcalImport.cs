using System.Globalization;
using Autoscaler.Core.Planning.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net;

namespace Autoscaler.Calendar.Feeds;

/// <summary>
/// Reads VEVENTs from an .ics file with Ical.Net into drafts; nothing is saved. A recurring VEVENT (RRULE, RDATE, EXDATE,
/// in its TZID) is expanded by Ical.Net into one draft per occurrence from now to <see cref="Horizon"/> ahead, each in the
/// event's local time, so DST and excluded dates are the calendar library's reading, not ours.
/// </summary>
public static class IcalImport
{
    /// <summary>Largest accepted file.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Most drafts one recurring VEVENT expands to.</summary>
    public const int MaxOccurrences = 200;

    /// <summary>How far ahead recurring VEVENTs are expanded.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(180);

    /// <summary>Parses <paramref name="text"/>; returns null with <paramref name="error"/> when it is not iCalendar or a VEVENT cannot be read (the error names it). Never throws on content.</summary>
    /// <param name="text">The .ics text.</param>
    /// <param name="now">Current time: recurring events are expanded from here to <see cref="Horizon"/>.</param>
    /// <param name="error">Why it is not iCalendar.</param>
    public static IReadOnlyList<ImportedEvent>? Read(string text, DateTimeOffset now, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = string.Empty;
        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text);
        }
#pragma warning disable CA1031 // The parser throws several exception types on malformed input; each becomes the same user message.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = $"not an iCalendar file: {e.Message}";
            return null;
        }

        if (calendar is null)
        {
            error = "not an iCalendar file (no VCALENDAR)";
            return null;
        }

        var result = new List<ImportedEvent>();
        var index = 0;
        foreach (var e in calendar.Events)
        {
            index++;
            try
            {
                ReadEvent(e, now, result);
            }
#pragma warning disable CA1031 // Ical.Net reads properties lazily and throws several types on a bad one (an unknown TZID: ArgumentException, found by fuzzing, issue #15); each becomes a 422 naming the event.
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                error = $"VEVENT {index} ({Name(e)}): {ex.Message}";
                return null;
            }
        }

        return result;
    }

    private static void ReadEvent(CalendarEvent e, DateTimeOffset now, List<ImportedEvent> result)
    {
        if (e.DtStart is null) return;
        var zone = e.DtStart.TzId is { } tz && LocalTimeResolver.FindZone(tz, out _) is not null ? tz : "UTC";
        if (e.RecurrenceRule is null && !e.RecurrenceDates.GetAllDates().Any())
        {
            var end = e.DtEnd ?? (e.Duration is { } d ? e.DtStart.Add(d) : e.DtStart.AddDays(1));
            result.Add(new ImportedEvent(e.Summary ?? "(no title)", Local(e.DtStart, zone), Local(end, zone), zone, e.Description, null));
            return;
        }

        var rule = e.RecurrenceRule?.ToString();
        var occurrences = e.GetOccurrences(new CalDateTime(now.UtcDateTime, "UTC"))
            .TakeWhileBefore(new CalDateTime((now + Horizon).UtcDateTime, "UTC"))
            .Take(MaxOccurrences);
        try
        {
            foreach (var o in occurrences)
            {
                var end = o.Period.EffectiveEndTime ?? o.Period.StartTime.AddDays(1);
                result.Add(new ImportedEvent(e.Summary ?? "(no title)", Local(o.Period.StartTime, zone), Local(end, zone), zone, e.Description, rule));
            }
        }
        catch (Ical.Net.Evaluation.EvaluationException)
        {
            // A rule with no occurrence after now (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30) is enumerated to year 9999 and then
            // aborted by Ical.Net: it has no (more) occurrences in the horizon (issue #15).
        }
    }

    private static string Name(CalendarEvent e)
    {
        try
        {
            return e.Uid ?? e.Summary ?? "no UID";
        }
#pragma warning disable CA1031 // the name is only for the message; a property that cannot be read leaves it out.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return "no readable UID";
        }
    }

    private static string Local(CalDateTime time, string zone)
    {
        if (zone != "UTC" && time.TzId == zone) return time.Value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var utc = time.IsFloating ? time.Value : time.AsUtc;
        return utc.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }
}
