using System.Globalization;

namespace Autoscaler.Simulator.Cli;

/// <summary>
/// Reads <c>--from</c>/<c>--to</c>, one rule for every verb. Accepted: RFC 3339 / ISO-8601 date-times
/// (<c>1998-06-10T15:30:00Z</c>, seconds and fractions optional, <c>T</c> or a space) with <c>Z</c> or an offset
/// such as <c>+02:00</c>, converted to UTC; a date alone (<c>1998-06-10</c>) is its 00:00. A time without an
/// offset is read as UTC, never as this machine's local time, and a note says so. Anything else (<c>06/10/1998</c>,
/// a time alone, which would take today's date from the machine clock) is an error.
/// </summary>
internal static class TimeOption
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd",
    ];

    /// <summary>The error text for an unreadable time, naming the option.</summary>
    public static string Invalid(string option, string text) =>
        $"option '{option}': '{text}' is not an ISO-8601 UTC time (example: 1998-06-10T00:00:00Z, or with an offset: 1998-06-10T02:00:00+02:00)";

    /// <summary>
    /// <paramref name="text"/> as a UTC instant; false when it is not one of the accepted forms. <paramref name="note"/>
    /// is set when the text was not already UTC (an offset was converted, or no offset was given and UTC assumed),
    /// so the user sees the instant used: outputs print UTC.
    /// </summary>
    public static bool TryParse(string text, string option, out DateTimeOffset time, out string? note)
    {
        note = null;
        var trimmed = text.Trim();
        // RFC 3339 allows a lowercase 't' and 'z'.
        if (!DateTimeOffset.TryParseExact(trimmed.ToUpperInvariant(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return false;
        }

        time = time.ToUniversalTime();
        if (trimmed.EndsWith('Z') || trimmed.EndsWith('z'))
        {
            return true;
        }

        note = HasOffset(trimmed.ToUpperInvariant())
            ? $"{option} {trimmed} is {Instant.Format(time)} in UTC (the zone every output uses)"
            : $"{option} {trimmed} has no UTC offset: read as {Instant.Format(time)} (UTC, not this machine's local time)";
        return true;
    }

    // An offset such as +02:00 or -05:00 after the time of day (the date's own dashes come before it).
    private static bool HasOffset(string text)
    {
        var timeStart = text.IndexOfAny(['T', ' '], 0);
        return timeStart > 0 && text.IndexOfAny(['+', '-'], timeStart) > 0;
    }
}
