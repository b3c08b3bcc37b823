using System.Globalization;

namespace Autoscaler.Core.TimeSeries;

/// <summary>
/// Parses a trace in CSV form, <c>timestamp,value</c> per line, ISO-8601 UTC timestamps, an optional header
/// line, blank lines and <c>#</c> comments ignored. Pure: the caller opens the file and passes a reader.
/// Every bad line is reported (up to <see cref="MaxErrors"/>) with its line number and field; irregular
/// timing (gaps, duplicates, disorder) is not an error and comes back in the irregularity report.
/// </summary>
public static class TraceCsvParser
{
    /// <summary>Errors collected before the parser stops listing them.</summary>
    public const int MaxErrors = 20;

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
    ];

    /// <summary>Reads every line of <paramref name="reader"/>; <paramref name="source"/> names it in diagnostics.</summary>
    public static TraceParseResult Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new List<TraceDiagnostic>();
        var points = new List<TimedValue>();
        var errors = 0;
        var zoneless = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#') continue;
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            var first = Unquote(comma < 0 ? text : text[..comma]);
            if (points.Count == 0 && errors == 0 && IsHeader(first)) continue;

            var error = ParseLine(text, comma, first, out var point, ref zoneless);
            if (error is not null)
            {
                errors++;
                if (errors <= MaxErrors) diagnostics.Add(error with { Source = source, Line = lineNumber });
                continue;
            }

            points.Add(point);
        }

        if (errors > MaxErrors)
        {
            diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, 0, string.Empty, $"{errors - MaxErrors} more bad line(s) not listed"));
        }

        if (errors == 0 && points.Count == 0)
        {
            diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, 0, string.Empty, "the trace is empty: no 'timestamp,value' rows"));
        }

        if (zoneless)
        {
            diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Warning, source, 0, "timestamp", "timestamps without a zone designator were read as UTC"));
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new TraceParseResult(null, diagnostics)
            : new TraceParseResult(SeriesAssembler.Assemble(points), diagnostics);
    }

    private static TraceDiagnostic? ParseLine(string text, int comma, string first, out TimedValue point, ref bool zoneless)
    {
        point = default;
        if (comma < 0)
        {
            return Error("value", $"expected 'timestamp,value' but found no comma in '{Clip(text)}'");
        }

        var rest = text[(comma + 1)..];
        if (rest.Contains(',', StringComparison.Ordinal))
        {
            return Error("value", $"expected 2 fields but found {rest.Count(c => c == ',') + 2} in '{Clip(text)}'");
        }

        if (!TryParseTimestamp(first, out var time, out var hadZone))
        {
            return Error("timestamp", $"'{Clip(first)}' is not an ISO-8601 UTC timestamp (example: 1998-06-10T15:30:00Z)");
        }

        zoneless |= !hadZone;
        var valueText = Unquote(rest);
        if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return Error("value", $"'{Clip(valueText)}' is not a number");
        }

        if (!double.IsFinite(value))
        {
            return Error("value", $"'{Clip(valueText)}' is not a finite number");
        }

        point = new TimedValue(time, value);
        return null;
    }

    private static bool TryParseTimestamp(string text, out DateTime time, out bool hadZone)
    {
        hadZone = text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text);
        var ok = DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);
        return ok;
    }

    // An offset such as +02:00 or -0500 after the time part (the date's own dashes come before the 'T').
    private static bool HasOffset(string text)
    {
        var timeStart = Math.Max(text.IndexOf('T', StringComparison.Ordinal), text.IndexOf(' ', StringComparison.Ordinal));
        return timeStart > 0 && text.IndexOfAny(['+', '-'], timeStart) > 0;
    }

    private static bool IsHeader(string first) =>
        first.Equals("timestamp", StringComparison.OrdinalIgnoreCase) || first.Equals("time", StringComparison.OrdinalIgnoreCase);

    private static string Unquote(string field)
    {
        var f = field.Trim();
        return f.Length >= 2 && f[0] == '"' && f[^1] == '"' ? f[1..^1].Trim() : f;
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static TraceDiagnostic Error(string field, string message) =>
        new(DiagnosticSeverity.Error, string.Empty, 0, field, message);
}
