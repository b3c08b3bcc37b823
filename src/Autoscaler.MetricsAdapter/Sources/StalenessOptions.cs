namespace Autoscaler.MetricsAdapter.Sources;

/// <summary>How old a value may be and still be served (section <c>Staleness</c>), for every source.</summary>
public sealed class StalenessOptions
{
    /// <summary>Values whose timestamp is older than this are not served: the HPA gets an error and holds its
    /// replica count instead of acting on old data. Default 2 minutes; must be positive.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>When a backend (Prometheus) fails, serve the last value it returned if that value is still within
    /// <see cref="MaxAge"/>. Default true.</summary>
    public bool ServeLastKnownGood { get; set; } = true;

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate() =>
        MaxAge > TimeSpan.Zero ? [] : [$"Staleness:MaxAge must be positive (got {MaxAge})"];

    /// <summary>True when a value observed at <paramref name="timestamp"/> may be served at <paramref name="now"/>.</summary>
    public bool IsFresh(DateTimeOffset timestamp, DateTimeOffset now) => now - timestamp <= MaxAge;
}
