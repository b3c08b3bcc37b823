using System.Globalization;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Forecasting.Events;

/// <summary>
/// Parses an event calendar CSV, ISO-8601 UTC times, blank lines and <c>#</c> comments ignored. Pure: the caller
/// opens the file.
/// <list type="bullet">
/// <item>With a header (a first line naming at least one known column), columns are taken by name, in any
/// order: <c>start_utc</c> and <c>end_utc</c> (required; aliases <c>start</c>, <c>end</c>), <c>kind</c> (default
/// <see cref="DefaultKind"/>), <c>expected_multiplier</c>, <c>description</c>, <c>series</c> (the trace file
/// the event belongs to). Fields may be quoted; a description in the last column may contain commas
/// unquoted. Columns the calendar does not use are reported once as a warning.</item>
/// <item>A match schedule (a <c>kickoff_utc</c> column and no <c>end_utc</c>, as in the shipped World Cup
/// schedule) gives events from kick-off to kick-off + <see cref="MatchDuration"/> of kind <c>match</c>,
/// described by <c>stage</c>, <c>home</c> and <c>away</c> when present.</item>
/// <item>Without a header, by position: <c>start_utc,end_utc,kind[,expected_multiplier[,description]]</c>,
/// the description being the rest of the line.</item>
/// </list>
/// </summary>
public static class EventCalendarParser
{
    /// <summary>Errors listed before the parser stops collecting them.</summary>
    public const int MaxErrors = 20;

    /// <summary>The kind of an event in a calendar without a <c>kind</c> column.</summary>
    public const string DefaultKind = "event";

    /// <summary>
    /// A football match from kick-off to final whistle: two halves of 45 minutes, 15 of half time and stoppage time.
    /// </summary>
    public static readonly TimeSpan MatchDuration = TimeSpan.FromHours(2);

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Reads every line of <paramref name="reader"/>; <paramref name="source"/> names it in diagnostics.</summary>
    public static EventCalendarParseResult Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new List<TraceDiagnostic>();
        var errors = 0;
        var events = new List<ScheduledEvent>();
        EventCalendarColumns? columns = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            if (columns is null)
            {
                if (!text.Contains(',', StringComparison.Ordinal) && (text.Contains(';', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal)))
                {
                    diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, lineNumber, string.Empty, "fields are separated by ';' or tabs: save the calendar as comma-separated values"));
                    return new EventCalendarParseResult(null, diagnostics);
                }

                var first = CsvLine.Split(text);
                if (!TryTime(first[0], out _) && first.Any(EventCalendarColumns.IsKnown))
                {
                    columns = EventCalendarColumns.FromHeaderLine(first, out var field, out var error);
                    if (columns is null)
                    {
                        diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, lineNumber, field, error));
                        return new EventCalendarParseResult(null, diagnostics);
                    }

                    if (columns.Unused.Count > 0)
                    {
                        diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Warning, source, lineNumber, string.Empty, $"unknown column(s) not used: {string.Join(", ", columns.Unused)} (known: start_utc, end_utc, kind, expected_multiplier, description, series; kickoff_utc, stage, home, away in a match schedule)"));
                    }

                    continue;
                }

                columns = EventCalendarColumns.ByPosition();
            }

            var (parsed, badField, message) = ParseRow(text, columns);
            if (parsed is not null)
            {
                events.Add(parsed);
            }
            else if (++errors <= MaxErrors)
            {
                diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, lineNumber, badField, message));
            }
        }

        return errors > 0
            ? new EventCalendarParseResult(null, diagnostics)
            : new EventCalendarParseResult(events.OrderBy(e => e.Start).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList(), diagnostics);
    }

    private static (ScheduledEvent? Event, string Field, string Message) ParseRow(string text, EventCalendarColumns columns)
    {
        var row = columns.FromHeader ? CsvLine.Split(text) : CsvLine.Split(text, columns.Count);
        if (columns.FromHeader && row.Count > columns.Count)
        {
            if (!columns.DescriptionLast)
            {
                return (null, string.Empty, $"{row.Count} fields but the header names {columns.Count} columns (quote a field that contains a comma)");
            }

            row = [.. row.Take(columns.Count - 1), string.Join(',', row.Skip(columns.Count - 1))];
        }

        var match = !columns.Has(EventCalendarColumns.End);
        var startField = match ? EventCalendarColumns.Kickoff : EventCalendarColumns.Start;
        if (!columns.FromHeader && row.Count < 3)
        {
            return (null, EventCalendarColumns.Kind, $"expected 'start_utc,end_utc,kind[,expected_multiplier[,description]]' but found {row.Count} field(s)");
        }

        var startText = columns.Get(row, startField) ?? columns.Get(row, EventCalendarColumns.Start) ?? string.Empty;
        if (!TryTime(startText, out var start))
        {
            return (null, startField, $"'{startText}' is not an ISO-8601 UTC time (example: 1998-06-10T15:30:00Z)");
        }

        var endText = columns.Get(row, EventCalendarColumns.End) ?? string.Empty;
        var end = start + MatchDuration;
        if (!match && !TryTime(endText, out end))
        {
            return (null, EventCalendarColumns.End, $"'{endText}' is not an ISO-8601 UTC time (example: 1998-06-10T17:30:00Z)");
        }

        if (end <= start)
        {
            return (null, EventCalendarColumns.End, $"end {end:O} is not after start {start:O}");
        }

        var kind = columns.Get(row, EventCalendarColumns.Kind) ?? (columns.Has(EventCalendarColumns.Kind) || !columns.FromHeader ? null : match ? "match" : DefaultKind);
        if (kind is null)
        {
            return (null, EventCalendarColumns.Kind, "the kind is empty");
        }

        double? multiplier = null;
        if (columns.Get(row, EventCalendarColumns.Multiplier) is { } m)
        {
            if (!double.TryParse(m, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
            {
                return (null, EventCalendarColumns.Multiplier, $"'{m}' is not a positive number");
            }

            multiplier = value;
        }

        var description = columns.Get(row, EventCalendarColumns.Description) ?? MatchDescription(row, columns);
        return (new ScheduledEvent(start, end, kind, multiplier, description) { Series = columns.Get(row, EventCalendarColumns.Series) }, string.Empty, string.Empty);
    }

    private static string? MatchDescription(IReadOnlyList<string> row, EventCalendarColumns columns)
    {
        var (stage, home, away) = (columns.Get(row, "stage"), columns.Get(row, "home"), columns.Get(row, "away"));
        if (home is null || away is null)
        {
            return stage;
        }

        return stage is null ? $"{home} v {away}" : $"{stage}: {home} v {away}";
    }

    private static bool TryTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
}
