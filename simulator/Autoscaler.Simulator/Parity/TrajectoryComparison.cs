namespace Autoscaler.Simulator.Parity;

/// <summary>
/// The parity rule (issue #17): both trajectories make the same sequence of replica counts, and each change
/// happens within <see cref="ParityAllowance.MaxLagSeconds"/> of its counterpart. Used by the e2e test on a
/// live recording and by the unit test on the golden recording, so both judge the same way.
/// </summary>
internal static class TrajectoryComparison
{
    /// <summary>Pairs the i-th change of each side and names every disagreement.</summary>
    /// <param name="simulated">Changes of <c>spec.replicas</c> in the simulator, in time order.</param>
    /// <param name="real">Changes of the real Deployment's <c>spec.replicas</c>, in time order.</param>
    /// <param name="allowance">The allowed time difference.</param>
    /// <returns>One row per change position; <see cref="ParityVerdict.Agrees"/> when no row has a problem.</returns>
    public static ParityVerdict Compare(IReadOnlyList<ReplicaChange> simulated, IReadOnlyList<ReplicaChange> real, ParityAllowance allowance)
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
            rows.Add(new ParityRow(i + 1, s, r, Problem(s, r, allowance)));
        }

        return new ParityVerdict(rows, allowance);
    }

    private static string? Problem(ReplicaChange? s, ReplicaChange? r, ParityAllowance allowance)
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
        return Math.Abs(lag) > allowance.MaxLagSeconds
            ? $"{s.Replicas} replicas {Math.Abs(lag):0.0} s {(lag > 0 ? "later" : "earlier")} in the real controller than in the simulator (allowed {allowance.MaxLagSeconds:0.0} s)"
            : null;
    }
}
