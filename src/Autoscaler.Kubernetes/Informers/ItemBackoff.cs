namespace Autoscaler.Kubernetes.Informers;

/// <summary>Per-item exponential back-off: base × 2^failures, capped (client-go's ItemExponentialFailureRateLimiter).</summary>
internal sealed class ItemBackoff<T>(TimeSpan baseDelay, TimeSpan maxDelay)
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<T, int> _failures = [];

    public TimeSpan Next(T item)
    {
        int failures;
        lock (_gate)
        {
            _failures.TryGetValue(item, out failures);
            _failures[item] = failures + 1;
        }

        var delay = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 62));
        return delay >= maxDelay.TotalMilliseconds ? maxDelay : TimeSpan.FromMilliseconds(delay);
    }

    public int Failures(T item)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(item);
        }
    }

    public void Forget(T item)
    {
        lock (_gate)
        {
            _failures.Remove(item);
        }
    }
}
