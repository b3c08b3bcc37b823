namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>
/// A typed, expected failure thrown from deep inside a source (where returning a value is awkward). The
/// protocol layer turns it into the same Status as a returned <see cref="MetricError"/>.
/// </summary>
public sealed class MetricProviderException : Exception
{
    /// <summary>Wraps an error.</summary>
    public MetricProviderException(MetricError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message)
    {
        Error = error;
    }

    /// <summary>Wraps an error with the exception that caused it.</summary>
    public MetricProviderException(MetricError error, Exception inner)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message, inner)
    {
        Error = error;
    }

    /// <summary>The error.</summary>
    public MetricError Error { get; }
}
