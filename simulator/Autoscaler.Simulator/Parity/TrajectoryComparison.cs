namespace Autoscaler.Simulator.Parity;

/// <summary>
/// The parity rule (issue #17): both trajectories make the same sequence of replica counts, and each change
/// happens within <see cref="ParityAllowance.MaxLagSeconds"/> of its counterpart. A real change may be later
/// by the measured stalls of the real controller around it: when the real HPA's syncs (its metric reads) are
/// known, every gap between two of them longer than one period plus the latency allowance adds its excess
/// over one period. (kube-controller-manager v1.20 resets its discovery cache every 30 s and the next sync
/// rediscovers every API group, aggregated ones included, on its single HPA worker: on a loaded machine that
/// held syncs back for ~20 s.) Used by the e2e test on a live recording and by the unit test on the golden
/// recording, so both judge the same way.
/// </summary>
internal static class TrajectoryComparison
{
    /// <summary>Pairs the i-th change of each side and names every disagreement.</summary>
    /// <param name="simulated">Changes of <c>spec.replicas</c> in the simulator, in time order.</param>
    /// <param name="real">Changes of the real Deployment's <c>spec.replicas</c>, in time order.</param>
    /// <param name="allowance">The allowed time difference.</param>
    /// <param name="realSyncs">When the real HPA synced (read its metric), seconds from the start, ascending; null when unknown (no stall allowance).</param>
    /// <returns>One row per change position; <see cref="ParityVerdict.Agrees"/> when no row has a problem.</returns>
    public static ParityVerdict Compare(IReadOnlyList<ReplicaChange> simulated, IReadOnlyList<ReplicaChange> real, ParityAllowance allowance,
        IReadOnlyList<double>? realSyncs = null)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(allowance);
        var rows = new List<ParityRow>();
        var count = Math.Max(simulated.Count, real.Count);
        for (var i = 0; i < count; i++)
        {
            var s = i < simulated.Count ? simulated[i] : null;
            var r = i < real.Count ? real[i] : null;
            var stall = s is not null && r is not null ? Stall(realSyncs, Math.Min(s.At, r.At) - allowance.SyncPeriodSeconds, Math.Max(s.At, r.At), allowance) : 0;
            rows.Add(new ParityRow(i + 1, s, r, Problem(s, r, allowance, stall)) { StallSeconds = stall });
        }

        return new ParityVerdict(rows, allowance);
    }

    /// <summary>The excess over one period of every real sync gap longer than period + latency that ends in [from, to].</summary>
    public static double Stall(IReadOnlyList<double>? syncs, double from, double to, ParityAllowance allowance)
    {
        ArgumentNullException.ThrowIfNull(allowance);
        var stall = 0.0;
        for (var i = 1; syncs is not null && i < syncs.Count; i++)
        {
            var gap = syncs[i] - syncs[i - 1];
            if (syncs[i] >= from && syncs[i] <= to && gap > allowance.MaxLagSeconds)
            {
                stall += gap - allowance.SyncPeriodSeconds;
            }
        }

        return stall;
    }

    private static string? Problem(ReplicaChange? s, ReplicaChange? r, ParityAllowance allowance, double stall)
    {
        if (s is null)
        {
            return $"the real controller changed to {r!.Replicas} at {r.At:0.0} s; the simulator made no such change";
        }

        if (r is null)
        {
            return $"the simulator changed to {s.Replicas} at {s.At:0.0} s; the real controller made no such change";
        }

        if (s.Replicas != r.Replicas)
        {
            return $"different replicas: simulator {s.Replicas} at {s.At:0.0} s, real {r.Replicas} at {r.At:0.0} s";
        }

        var lag = r.At - s.At;
        var allowed = lag > 0 ? allowance.MaxLagSeconds + stall : allowance.MaxLagSeconds;
        return Math.Abs(lag) > allowed
            ? $"{s.Replicas} replicas {Math.Abs(lag):0.0} s {(lag > 0 ? "later" : "earlier")} in the real controller than in the simulator (allowed {allowed:0.0} s)"
            : null;
    }
}
