using Autoscaler.Core.TimeSeries;
using Autoscaler.Prometheus.QueryRange;

namespace Autoscaler.Simulator.Traces;

/// <summary>
/// Reads a trace file of either kind every verb accepts: CSV <c>timestamp,value</c> (Core's
/// <see cref="TraceCsvParser"/>) or a saved Prometheus query_range JSON response (<see cref="QueryRangeJson"/>),
/// told apart by content (JSON starts with <c>{</c>). The caller checks that the file exists.
/// </summary>
internal static class TraceFile
{
    public static TraceParseResult Parse(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var first = Array.FindIndex(bytes, b => !char.IsWhiteSpace((char)b) && b != 0xEF && b != 0xBB && b != 0xBF);
        if (first < 0 || bytes[first] != (byte)'{')
        {
            using var reader = new StreamReader(new MemoryStream(bytes));
            return TraceCsvParser.Parse(reader, path);
        }

        var points = new List<TimedValue>();
        var diagnostics = QueryRangeJson.Read(bytes, path, points);
        return Assemble(points, diagnostics, path);
    }

    /// <summary>The trace from points read out of one or more query_range responses.</summary>
    public static TraceParseResult Assemble(List<TimedValue> points, List<TraceDiagnostic> diagnostics, string source)
    {
        if (diagnostics.All(d => d.Severity != DiagnosticSeverity.Error) && points.Count == 0)
        {
            diagnostics.Add(new TraceDiagnostic(DiagnosticSeverity.Error, source, 0, string.Empty, "the query returned no samples in the range"));
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new TraceParseResult(null, diagnostics)
            : new TraceParseResult(SeriesAssembler.Assemble(points), diagnostics);
    }
}
