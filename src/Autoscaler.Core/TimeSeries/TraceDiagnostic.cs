namespace Autoscaler.Core.TimeSeries;

/// <summary>A problem found in a trace, located by source name, line and field.</summary>
/// <param name="Severity">Error (input unusable) or warning.</param>
/// <param name="Source">The name the caller gave the input (usually its path).</param>
/// <param name="Line">1-based line number; 0 when the problem concerns the whole input.</param>
/// <param name="Field">The CSV column concerned (<c>timestamp</c>, <c>value</c>), or empty.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record TraceDiagnostic(DiagnosticSeverity Severity, string Source, int Line, string Field, string Message)
{
    /// <summary>Formats as <c>source:line: error: field 'x': message</c>, like a compiler.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{Source}:{Line}" : Source;
        var field = Field.Length > 0 ? $"field '{Field}': " : string.Empty;
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{where}: {severity}: {field}{Message}";
    }
}
