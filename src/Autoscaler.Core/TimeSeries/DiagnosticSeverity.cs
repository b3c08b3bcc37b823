namespace Autoscaler.Core.TimeSeries;

/// <summary>Whether a diagnostic stops the input from being used.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth telling the user; the input is still used.</summary>
    Warning,

    /// <summary>The input cannot be used.</summary>
    Error,
}
