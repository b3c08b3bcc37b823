namespace Autoscaler.Kubernetes.Informers;

/// <summary>Settings of an <see cref="Informer{T}"/>.</summary>
public sealed class InformerOptions
{
    /// <summary>How often every cached object is re-delivered as an update, so handlers can re-check (zero disables). Default 0.</summary>
    public TimeSpan ResyncPeriod { get; set; }

    /// <summary>Shortest back-off after a failed list or watch; doubles up to <see cref="MaxBackoff"/> (client-go: 800 ms).</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Longest back-off (client-go: 30 s).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bounds of the random server-side watch timeout, in seconds (client-go: 300-600).</summary>
    public (int Min, int Max) WatchTimeoutSeconds { get; set; } = (300, 600);

    /// <summary>Called with list/watch and handler failures; the informer keeps going.</summary>
    public Action<Exception>? OnError { get; set; }

    /// <summary>Seeded randomness for watch timeouts and back-off; null uses a shared source.</summary>
    public Random? Random { get; set; }
}
