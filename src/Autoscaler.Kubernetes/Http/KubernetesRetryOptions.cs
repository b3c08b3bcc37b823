namespace Autoscaler.Kubernetes.Http;

/// <summary>Settings of <see cref="KubernetesRetryHandler"/> (defaults follow client-go's rest client).</summary>
public sealed class KubernetesRetryOptions
{
    /// <summary>Retries after the first attempt, on 429, on 5xx and on connection failures (client-go: 10). Zero disables. Default 10.</summary>
    public int MaxRetries { get; set; } = 10;

    /// <summary>First back-off delay when the server sends no Retry-After; doubled per attempt, with jitter. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between two attempts, also capping a server's Retry-After. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Called before each retry, for logs and metrics.</summary>
    public Action<RetryNotice>? OnRetry { get; set; }

    /// <summary>Seeded randomness for the jitter; null uses a shared source.</summary>
    public Random? Random { get; set; }

    /// <summary>Clock of the back-off waits; null uses the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or delay, or <see cref="MaxDelay"/> below <see cref="BaseDelay"/>.</exception>
    public void Validate()
    {
        if (MaxRetries < 0 || BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), "MaxRetries and BaseDelay must be non-negative and MaxDelay >= BaseDelay");
        }
    }
}
