namespace Autoscaler.Kubernetes.Http;

/// <summary>Resilience and identity settings of a <see cref="KubernetesClient"/>.</summary>
public sealed class KubernetesClientOptions
{
    /// <summary>Client-side rate limit: sustained requests per second (client-go default 5; controllers use 20-50). Default 20.</summary>
    public double Qps { get; set; } = 20;

    /// <summary>Client-side rate limit: burst size of the token bucket. Default 30.</summary>
    public int Burst { get; set; } = 30;

    /// <summary>Timeout of one attempt of a non-streaming request (for a watch: until the headers arrive). Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, on 429, on 5xx and on connection failures (client-go: 10). Default 10.</summary>
    public int MaxRetries { get; set; } = 10;

    /// <summary>First back-off delay when the server sends no Retry-After; doubled per attempt, with jitter. Default 200 ms.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between two attempts, also capping a server's Retry-After. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>User-Agent header, shown in the API server's audit log.</summary>
    public string UserAgent { get; set; } = $"autoscaler/1.0 ({Environment.OSVersion.Platform.ToString().ToLowerInvariant()}/{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()})";

    /// <summary>Called before each retry, for logs and metrics.</summary>
    public Action<RetryNotice>? OnRetry { get; set; }

    /// <summary>Seeded randomness for retry jitter; null uses a shared source.</summary>
    public Random? Random { get; set; }

    internal void Validate()
    {
        if (Qps <= 0 || Burst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Qps), "Qps must be positive and Burst at least 1");
        }

        if (MaxRetries < 0 || RequestTimeout <= TimeSpan.Zero || BaseRetryDelay < TimeSpan.Zero || MaxRetryDelay < BaseRetryDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), "retry and timeout settings must be non-negative, MaxRetryDelay >= BaseRetryDelay");
        }
    }
}
