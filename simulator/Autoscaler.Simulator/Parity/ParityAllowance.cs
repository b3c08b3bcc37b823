namespace Autoscaler.Simulator.Parity;

/// <summary>
/// How far apart in time the real controller's and the simulator's change of the same replica count may be:
/// ± one sync period plus <see cref="LatencySeconds"/>. Replayed on the real controller's measured sync
/// instants (<see cref="ParityRecording.Judge"/>) a change should fall on the same sync, so the period only
/// covers a read that overlaps a push landing (the simulator takes the value as landed, the read may have
/// started before) and the latency the scale update reaching the Deployment and the recorder's poll.
/// </summary>
/// <param name="SyncPeriodSeconds">The controller's sync period, seconds.</param>
/// <param name="LatencySeconds">Allowance for push, read, write and observation latency, seconds.</param>
internal sealed record ParityAllowance(double SyncPeriodSeconds, double LatencySeconds)
{
    /// <summary>The largest |real − simulated| time of one change, seconds.</summary>
    public double MaxLagSeconds => SyncPeriodSeconds + LatencySeconds;
}
