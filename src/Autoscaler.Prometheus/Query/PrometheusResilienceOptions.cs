namespace Autoscaler.Prometheus.Query;

/// <summary>Timeouts, retries and circuit breaking around every Prometheus call (<see cref="PrometheusResilience"/>).</summary>
public sealed record PrometheusResilienceOptions
{
    /// <summary>Timeout of one HTTP attempt. Default 5 seconds.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one call including retries. Default 12 seconds.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Retries after a transient failure (connection error, 5xx, timeout), with exponential jittered backoff from 200 ms. Default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>How long the circuit stays open after at least half of 4 or more calls within 30 s failed transiently. Default 15 seconds.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
