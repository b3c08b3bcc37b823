namespace Autoscaler.Simulator.Engine;

/// <summary>
/// The pods of the replayed workload. Starting pods and ready pods are kept apart so that scale-down can
/// remove them in the ReplicaSet's order (not-ready first, then the most recently ready) without scanning,
/// and so no list is rebuilt per sync.
/// </summary>
internal sealed class PodSet
{
    private readonly List<(long Id, long CreatedAt)> _starting = [];
    private readonly List<(long Id, long CreatedAt, long ReadyAt)> _ready = [];
    private long _nextId;

    public int Count => _starting.Count + _ready.Count;

    public int ReadyCount => _ready.Count;

    /// <summary>Ready pods as (id, creation, ready transition) ticks, oldest ready first.</summary>
    public ReadOnlySpan<(long Id, long CreatedAt, long ReadyAt)> Ready => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ready);

    /// <summary>Starting pods as (id, creation) ticks, oldest first.</summary>
    public ReadOnlySpan<(long Id, long CreatedAt)> Starting => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_starting);

    /// <summary>Adds a pod that is already running and ready (the replicas at the start of the replay).</summary>
    public void AddReady(long createdAt, long readyAt) => _ready.Add((_nextId++, createdAt, readyAt));

    /// <summary>Adds a starting pod and returns its id for the ready event.</summary>
    public long AddStarting(long createdAt)
    {
        var id = _nextId++;
        _starting.Add((id, createdAt));
        return id;
    }

    /// <summary>Marks a starting pod ready; false when it was removed by a scale-down in the meantime.</summary>
    public bool MarkReady(long id, long now)
    {
        for (var i = 0; i < _starting.Count; i++)
        {
            if (_starting[i].Id != id) continue;
            _ready.Add((id, _starting[i].CreatedAt, now));
            _starting.RemoveAt(i);
            return true;
        }

        return false;
    }

    /// <summary>Removes <paramref name="count"/> pods at once: the newest starting pods, then the most recently ready.</summary>
    public void Remove(int count)
    {
        var fromStarting = Math.Min(count, _starting.Count);
        _starting.RemoveRange(_starting.Count - fromStarting, fromStarting);
        var fromReady = Math.Min(count - fromStarting, _ready.Count);
        _ready.RemoveRange(_ready.Count - fromReady, fromReady);
    }
}
