namespace Autoscaler.Simulator.Prescale;

/// <summary>The replay's virtual clock as a <see cref="TimeProvider"/>: the engine sets it; it never goes back.</summary>
internal sealed class SimulationClock : TimeProvider
{
    private DateTimeOffset _now;

    public void AdvanceTo(long ticks)
    {
        var next = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (next < _now) throw new InvalidOperationException($"The simulation clock cannot go back from {_now:O} to {next:O}.");
        _now = next;
    }

    public override DateTimeOffset GetUtcNow() => _now;
}
