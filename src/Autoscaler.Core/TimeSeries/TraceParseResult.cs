namespace Autoscaler.Core.TimeSeries;

/// <summary>The outcome of parsing a trace: the series when usable, and every diagnostic either way.</summary>
/// <param name="Assembled">The series and its irregularity report; null when there were errors.</param>
/// <param name="Diagnostics">Errors and warnings, in line order.</param>
public sealed record TraceParseResult(AssembledSeries? Assembled, IReadOnlyList<TraceDiagnostic> Diagnostics)
{
    /// <summary>True when the trace is usable (no error diagnostics).</summary>
    public bool Succeeded => Assembled is not null;

    /// <summary>The error diagnostics only.</summary>
    public IEnumerable<TraceDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}
