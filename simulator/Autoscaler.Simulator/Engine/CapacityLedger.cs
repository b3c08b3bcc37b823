namespace Autoscaler.Simulator.Engine;

/// <summary>
/// Integrates demand, capacity and pods over time exactly: between two engine events the pod counts are
/// constant and the demand is a step function, so each piece is a rectangle. Overloaded time and unserved
/// load are therefore exact, not sampled at sync instants.
/// </summary>
internal sealed class CapacityLedger
{
    private const double TicksPerMinute = TimeSpan.TicksPerMinute;
    private readonly double _capacityPerPod;
    private readonly List<OverloadPeriod> _periods = [];
    private DemandTrace.Cursor _demand;
    private long _now;
    private long _overloadStart = -1;
    private double _periodUnserved;
    private double _periodPeakDemand;
    private double _periodMinCapacity;

    public CapacityLedger(DemandTrace trace, double capacityPerPod, long startTicks)
    {
        _demand = trace.CreateCursor();
        _capacityPerPod = capacityPerPod;
        _now = startTicks;
    }

    public double OverloadMinutes { get; private set; }

    public double UnservedLoad { get; private set; }

    public double DemandIntegral { get; private set; }

    public double ReadyCapacityIntegral { get; private set; }

    public double PodMinutes { get; private set; }

    public double ReadyPodMinutes { get; private set; }

    public IReadOnlyList<OverloadPeriod> Periods => _periods;

    /// <summary>Accounts for the time from the last call up to <paramref name="toTicks"/> with the given pod counts.</summary>
    public void AdvanceTo(long toTicks, int pods, int ready)
    {
        var capacity = ready * _capacityPerPod;
        while (_now < toTicks)
        {
            var demand = _demand.ValueAt(_now);
            var next = Math.Min(toTicks, _demand.NextChangeAfter(_now));
            var minutes = (next - _now) / TicksPerMinute;
            DemandIntegral += demand * minutes;
            ReadyCapacityIntegral += capacity * minutes;
            PodMinutes += pods * minutes;
            ReadyPodMinutes += ready * minutes;
            if (demand > capacity) Overloaded(demand, capacity, minutes);
            else CloseOverload();
            _now = next;
        }
    }

    /// <summary>Closes an open overload period at the end of the replay.</summary>
    public void Finish() => CloseOverload();

    private void Overloaded(double demand, double capacity, double minutes)
    {
        var unserved = (demand - capacity) * minutes;
        OverloadMinutes += minutes;
        UnservedLoad += unserved;
        if (_overloadStart < 0)
        {
            _overloadStart = _now;
            _periodUnserved = 0;
            _periodPeakDemand = demand;
            _periodMinCapacity = capacity;
        }

        _periodUnserved += unserved;
        _periodPeakDemand = Math.Max(_periodPeakDemand, demand);
        _periodMinCapacity = Math.Min(_periodMinCapacity, capacity);
    }

    private void CloseOverload()
    {
        if (_overloadStart < 0) return;
        _periods.Add(new OverloadPeriod(
            new DateTime(_overloadStart, DateTimeKind.Utc), new DateTime(_now, DateTimeKind.Utc), _periodUnserved, _periodPeakDemand, _periodMinCapacity));
        _overloadStart = -1;
    }
}
