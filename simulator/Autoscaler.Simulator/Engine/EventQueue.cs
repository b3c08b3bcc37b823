namespace Autoscaler.Simulator.Engine;

/// <summary>
/// The engine's agenda, ordered by (time, priority, sequence): simultaneous events run in a fixed order,
/// and equal ones in the order they were scheduled, so a replay is reproducible bit for bit.
/// </summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<(EventKind Kind, long Payload), EventKey> _queue = new(EventKey.Comparer);
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

    private readonly record struct EventKey(long Time, int Priority, long Sequence)
    {
        public static readonly IComparer<EventKey> Comparer = Comparer<EventKey>.Create(static (a, b) =>
        {
            var c = a.Time.CompareTo(b.Time);
            if (c != 0) return c;
            c = a.Priority.CompareTo(b.Priority);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        });
    }
}
