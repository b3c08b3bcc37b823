using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Simulator.Engine;

/// <summary>
/// Demand per minute as a step function: each trace point holds until the next one. Kept as plain arrays
/// of ticks and values because the engine walks it with forward-only cursors.
/// </summary>
internal sealed class DemandTrace
{
    public DemandTrace(Series perMinute)
    {
        ArgumentNullException.ThrowIfNull(perMinute);
        if (perMinute.Count == 0) throw new ArgumentException("The demand trace is empty.", nameof(perMinute));
        Ticks = new long[perMinute.Count];
        Values = perMinute.Values.ToArray();
        for (var i = 0; i < Ticks.Length; i++) Ticks[i] = perMinute.Times[i].Ticks;
    }

    public long[] Ticks { get; }

    public double[] Values { get; }

    public int Count => Ticks.Length;

    /// <summary>A cursor for monotonically increasing times, starting before the first point.</summary>
    public Cursor CreateCursor() => new(this);

    /// <summary>Finds the value at a time in amortised O(1) when times only increase.</summary>
    internal struct Cursor
    {
        private readonly DemandTrace _trace;
        private int _index;

        public Cursor(DemandTrace trace)
        {
            _trace = trace;
            _index = -1;
        }

        /// <summary>The value in force at <paramref name="ticks"/> (0 before the first point).</summary>
        public double ValueAt(long ticks)
        {
            var t = _trace.Ticks;
            while (_index + 1 < t.Length && t[_index + 1] <= ticks) _index++;
            return _index < 0 ? 0 : _trace.Values[_index];
        }

        /// <summary>The first time after <paramref name="ticks"/> at which the value may change, or long.MaxValue.</summary>
        public long NextChangeAfter(long ticks)
        {
            ValueAt(ticks);
            return _index + 1 < _trace.Ticks.Length ? _trace.Ticks[_index + 1] : long.MaxValue;
        }
    }
}
