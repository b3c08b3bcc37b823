namespace Autoscaler.Simulator.Engine;

/// <summary>One row per HPA sync, stored column-wise in growable arrays (no per-sync objects).</summary>
internal sealed class Timeline
{
    private long[] _ticks;
    private double[] _demand;
    private double[] _metric;
    private int[] _desired;
    private int[] _replicas;
    private int[] _ready;
    private int[] _floor;

    public Timeline(int capacity)
    {
        // Every slot below Count is written before it is read, so skip zeroing megabytes per replay.
        capacity = Math.Max(capacity, 16);
        _ticks = GC.AllocateUninitializedArray<long>(capacity);
        _demand = GC.AllocateUninitializedArray<double>(capacity);
        _metric = GC.AllocateUninitializedArray<double>(capacity);
        _desired = GC.AllocateUninitializedArray<int>(capacity);
        _replicas = GC.AllocateUninitializedArray<int>(capacity);
        _ready = GC.AllocateUninitializedArray<int>(capacity);
        _floor = GC.AllocateUninitializedArray<int>(capacity);
    }

    public int Count { get; private set; }

    public ReadOnlySpan<long> Ticks => _ticks.AsSpan(0, Count);

    public ReadOnlySpan<double> Demand => _demand.AsSpan(0, Count);

    public ReadOnlySpan<double> Metric => _metric.AsSpan(0, Count);

    public ReadOnlySpan<int> Desired => _desired.AsSpan(0, Count);

    public ReadOnlySpan<int> Replicas => _replicas.AsSpan(0, Count);

    public ReadOnlySpan<int> Ready => _ready.AsSpan(0, Count);

    /// <summary>The pre-scale floor in force after each sync (0: none).</summary>
    public ReadOnlySpan<int> Floor => _floor.AsSpan(0, Count);

    public void Add(long ticks, double demand, double metric, int desired, int replicas, int ready, int floor = 0)
    {
        if (Count == _ticks.Length) Grow();
        _ticks[Count] = ticks;
        _demand[Count] = demand;
        _metric[Count] = metric;
        _desired[Count] = desired;
        _replicas[Count] = replicas;
        _ready[Count] = ready;
        _floor[Count] = floor;
        Count++;
    }

    private void Grow()
    {
        var size = _ticks.Length * 2;
        Array.Resize(ref _ticks, size);
        Array.Resize(ref _demand, size);
        Array.Resize(ref _metric, size);
        Array.Resize(ref _desired, size);
        Array.Resize(ref _replicas, size);
        Array.Resize(ref _ready, size);
        Array.Resize(ref _floor, size);
    }
}
