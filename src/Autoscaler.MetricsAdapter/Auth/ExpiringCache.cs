using System.Collections.Concurrent;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>
/// A small thread-safe cache whose entries expire after a per-entry time-to-live on an injected clock.
/// Bounded: when full it is cleared, which only costs a few extra reviews, never a wrong answer.
/// </summary>
internal sealed class ExpiringCache<TKey, TValue>(TimeProvider time, int capacity = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Expires)> _entries = new();

    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value, TimeSpan ttl)
    {
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[key] = (value, time.GetUtcNow() + ttl);
    }
}
