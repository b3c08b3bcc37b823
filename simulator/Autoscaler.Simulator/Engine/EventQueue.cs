namespace Autoscaler.Simulator.Engine;

/// <summary>
/// The engine's agenda, ordered by (time, priority, sequence): simultaneous events run in a fixed order,
/// and equal ones in the order they were scheduled, so a replay is reproducible bit for bit.
/// </summary>
internal sealed class EventQueue
{
    // No comparer passed: for a struct key the queue then calls IComparable<T> directly (devirtualized, inlined).
    private readonly PriorityQueue<(EventKind Kind, long Payload), EventKey> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public void Schedule(long timeTicks, EventKind kind, long payload = 0) =>
        _queue.Enqueue((kind, payload), new EventKey(timeTicks, (int)kind, _sequence++));

    public bool TryNext(out long timeTicks, out EventKind kind, out long payload)
    {
        if (_queue.TryDequeue(out var item, out var key))
        {
            timeTicks = key.Time;
            kind = item.Kind;
            payload = item.Payload;
            return true;
        }

        timeTicks = 0;
        kind = default;
        payload = 0;
        return false;
    }

    private readonly record struct EventKey(long Time, int Priority, long Sequence) : IComparable<EventKey>
    {
        public int CompareTo(EventKey other)
        {
            var c = Time.CompareTo(other.Time);
            if (c != 0) return c;
            c = Priority.CompareTo(other.Priority);
            return c != 0 ? c : Sequence.CompareTo(other.Sequence);
        }
    }
}
