namespace Autoscaler.Simulator.Parity;

/// <summary>
/// How far apart in time the real controller's and the simulator's change of the same replica count may be.
/// The simulator syncs at the run's start and every sync period after it, and the series steps on those
/// instants, so it acts at the earliest instant a controller could. The real controller's sync phase is not
/// ours to set: it acts up to one period later. Its period is the sync period plus its own processing
/// (the work queue re-adds the HPA a period after each sync), so over a stabilization window or a policy
/// period it may fit one sync fewer and act up to one period earlier. Hence ± one sync period, plus
/// <see cref="LatencySeconds"/> for what neither clock sees: the push landing in the adapter, the HPA's
/// read through the aggregator, the scale update reaching the Deployment, and the recorder's poll.
/// </summary>
/// <param name="SyncPeriodSeconds">The controller's sync period, seconds.</param>
/// <param name="LatencySeconds">Allowance for push, read, write and observation latency, seconds.</param>
internal sealed record ParityAllowance(double SyncPeriodSeconds, double LatencySeconds)
{
    /// <summary>The largest |real − simulated| time of one change, seconds.</summary>
    public double MaxLagSeconds => SyncPeriodSeconds + LatencySeconds;
}
