namespace Autoscaler.MetricsAdapter.Keda;

/// <summary>Options of KEDA's external scaler service (configuration section <c>Keda</c>).</summary>
public sealed class KedaOptions
{
    /// <summary>How often an open <c>StreamIsActive</c> stream re-reads the metric to see whether activity changed.
    /// Default 5 s; must be positive.</summary>
    public TimeSpan StreamIsActiveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate() =>
        StreamIsActiveInterval > TimeSpan.Zero ? [] : [$"Keda:StreamIsActiveInterval must be positive (got {StreamIsActiveInterval})"];
}
