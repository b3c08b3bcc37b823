using System.Globalization;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Forecasting.Events;

/// <summary>
/// Parses an event calendar CSV: <c>start_utc,end_utc,kind[,expected_multiplier[,description]]</c>, ISO-8601
/// UTC times, an optional header line, blank lines and <c>#</c> comments ignored. The description is the
/// rest of the line, so it may contain commas. Pure: the caller opens the file.
/// </summary>
public static class EventCalendarParser
{
    /// <summary>Errors listed before the parser stops collecting them.</summary>
    public const int MaxErrors = 20;

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Reads every line of <paramref name="reader"/>; <paramref name="source"/> names it in diagnostics.</summary>
    public static EventCalendarParseResult Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var errors = new List<TraceDiagnostic>();
        var events = new List<ScheduledEvent>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#' || (events.Count == 0 && errors.Count == 0 && text.StartsWith("start", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var (parsed, field, message) = ParseLine(text);
            if (parsed is not null)
            {
                events.Add(parsed);
            }
            else if (errors.Count < MaxErrors)
            {
                errors.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, lineNumber, field, message));
            }
        }

        return errors.Count > 0
            ? new EventCalendarParseResult(null, errors)
            : new EventCalendarParseResult(events.OrderBy(e => e.Start).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList(), errors);
    }

    private static (ScheduledEvent? Event, string Field, string Message) ParseLine(string text)
    {
        var fields = text.Split(',', 5);
        if (fields.Length < 3)
        {
            return (null, "kind", $"expected 'start_utc,end_utc,kind[,expected_multiplier[,description]]' but found {fields.Length} field(s)");
        }

        if (!TryTime(fields[0], out var start))
        {
            return (null, "start_utc", $"'{fields[0].Trim()}' is not an ISO-8601 UTC time (example: 1998-06-10T15:30:00Z)");
        }

        if (!TryTime(fields[1], out var end))
        {
            return (null, "end_utc", $"'{fields[1].Trim()}' is not an ISO-8601 UTC time (example: 1998-06-10T17:30:00Z)");
        }

        if (end <= start)
        {
            return (null, "end_utc", $"end {end:O} is not after start {start:O}");
        }

        var kind = fields[2].Trim();
        if (kind.Length == 0)
        {
            return (null, "kind", "the kind is empty");
        }

        double? multiplier = null;
        if (fields.Length > 3 && fields[3].Trim().Length > 0)
        {
            if (!double.TryParse(fields[3].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || !double.IsFinite(m) || m <= 0)
            {
                return (null, "expected_multiplier", $"'{fields[3].Trim()}' is not a positive number");
            }

            multiplier = m;
        }

        var description = fields.Length > 4 ? fields[4].Trim() : null;
        return (new ScheduledEvent(start, end, kind, multiplier, description), string.Empty, string.Empty);
    }

    private static bool TryTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
}
