using System.Globalization;
using Autoscaler.Core.Planning.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Autoscaler.Calendar.Feeds;

/// <summary>Reads VEVENTs from an .ics file with Ical.Net into drafts; nothing is saved.</summary>
public static class IcalImport
{
    /// <summary>Largest accepted file.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Parses <paramref name="text"/>; returns null with <paramref name="error"/> when it is not iCalendar.</summary>
    public static IReadOnlyList<ImportedEvent>? Read(string text, out string error)
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
        foreach (var e in calendar.Events)
        {
            if (e.DtStart is null) continue;
            var end = e.DtEnd ?? (e.Duration is { } d ? e.DtStart.Add(d) : e.DtStart.AddDays(1));
            var zone = e.DtStart.TzId is { } tz && LocalTimeResolver.FindZone(tz, out _) is not null ? tz : "UTC";
            result.Add(new ImportedEvent(
                e.Summary ?? "(no title)",
                Local(e.DtStart, zone),
                Local(end, zone),
                zone,
                e.Description,
                e.RecurrenceRule?.ToString()));
        }

        return result;
    }

    private static string Local(CalDateTime time, string zone)
    {
        if (zone != "UTC" && time.TzId == zone) return time.Value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var utc = time.IsFloating ? time.Value : time.AsUtc;
        return utc.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }
}
