namespace Autoscaler.Simulator.Parity;

/// <summary>
/// How far apart in time the real controller's and the simulator's change of the same replica count may be.
/// The simulator syncs at the run's start and every sync period after it, and the scripted series steps on
/// those instants, so it sees a new value at the earliest instant a controller could: the real controller,
/// whose sync phase is not ours to set, sees it up to one period later. Conversely, stabilization windows
/// and policy periods then end exactly on a simulated sync, where upstream's strict comparisons leave the
/// old value in force for one more sync; real syncs fall between boundaries and can act up to one period
/// earlier. Hence ± one sync period, plus <see cref="LatencySeconds"/> for what neither clock sees (the push
/// landing in the adapter, the HPA's read through the aggregator, the scale update reaching the Deployment,
/// the recorder's poll) and for the real period being a little longer than the flag (the work queue re-adds
/// the HPA a period after each sync ends), which adds up over a window or a chain of rate-limited steps.
/// </summary>
/// <param name="SyncPeriodSeconds">The controller's sync period, seconds.</param>
/// <param name="LatencySeconds">Allowance for push, read, write and observation latency, seconds.</param>
internal sealed record ParityAllowance(double SyncPeriodSeconds, double LatencySeconds)
{
    /// <summary>The largest |real − simulated| time of one change, seconds.</summary>
    public double MaxLagSeconds => SyncPeriodSeconds + LatencySeconds;
}
