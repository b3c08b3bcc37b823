using Autoscaler.Simulator.Parity;

namespace Autoscaler.Simulator.Tests.Parity;

public sealed class TrajectoryComparisonTests
{
    private static readonly ParityAllowance Allowance = new(SyncPeriodSeconds: 5, LatencySeconds: 2);
    private static readonly ReplicaChange[] Simulated = [new(10, 3), new(30, 5), new(280, 1)];

    [Fact]
    public void Same_counts_within_one_period_plus_latency_agree()
    {
        var verdict = TrajectoryComparison.Compare(Simulated, [new(16.9, 3), new(25.1, 5), new(280, 1)], Allowance);

        Assert.True(verdict.Agrees, string.Join('\n', verdict.Problems));
        Assert.Equal([6.9, -4.9, 0], verdict.Rows.Select(r => Math.Round(r.LagSeconds!.Value, 3)));
    }

    [Fact]
    public void A_change_later_than_the_allowance_is_named()
    {
        var verdict = TrajectoryComparison.Compare(Simulated, [new(10, 3), new(37.5, 5), new(280, 1)], Allowance);

        Assert.False(verdict.Agrees);
        Assert.Equal("change #2: 5 replicas 7.5 s later in the real controller than in the simulator (allowed 7.0 s)", Assert.Single(verdict.Problems));
    }

    [Fact]
    public void A_different_count_or_a_missing_change_is_named()
    {
        var verdict = TrajectoryComparison.Compare(Simulated, [new(10, 3), new(31, 6)], Allowance);

        Assert.Equal(
        [
            "change #2: different replicas: simulator 5 at 30.0 s, real 6 at 31.0 s",
            "change #3: the simulator changed to 1 at 280.0 s; the real controller made no such change",
        ], verdict.Problems);
    }

    [Fact]
    public void An_extra_real_change_is_named_and_the_table_shows_both_sides()
    {
        var verdict = TrajectoryComparison.Compare(Simulated[..1], [new(12, 3), new(40, 4)], Allowance);

        Assert.Equal("change #2: the real controller changed to 4 at 40.0 s; the simulator made no such change", Assert.Single(verdict.Problems));
        Assert.Contains("| 1 | 10.0 | 3 | 12.0 | 3 | +2.0 |  | ok |", verdict.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("| 2 | – | – | 40.0 | 4 | – |  | **", verdict.ToMarkdown(), StringComparison.Ordinal);
        Assert.StartsWith("index,sim_at,sim_replicas,real_at,real_replicas,lag,stall,problem\n1,10,3,12,3,2,0,\"\"\n", verdict.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_measured_stall_of_the_real_syncs_extends_the_allowed_lateness_only_by_its_excess()
    {
        // Real syncs every 5.1 s, then nothing from 94 s to 113.5 s: a 19.5 s gap, 14.5 s more than one period.
        double[] syncs = [79, 84.1, 89.2, 94.3, 113.8, 118.9];
        ReplicaChange[] simulated = [new(100, 12)];

        var stalled = TrajectoryComparison.Compare(simulated, [new(114.4, 12)], Allowance, syncs);
        var tooLate = TrajectoryComparison.Compare(simulated, [new(123.5, 12)], Allowance, syncs);
        var unmeasured = TrajectoryComparison.Compare(simulated, [new(114.4, 12)], Allowance);

        Assert.True(stalled.Agrees, string.Join('\n', stalled.Problems));
        Assert.Equal(14.5, stalled.Rows[0].StallSeconds, 3);
        Assert.Equal("change #1: 12 replicas 23.5 s later in the real controller than in the simulator (allowed 21.5 s)", Assert.Single(tooLate.Problems));
        Assert.False(unmeasured.Agrees);
    }

    [Fact]
    public void Ordinary_sync_gaps_are_no_stall()
    {
        Assert.Equal(0, TrajectoryComparison.Stall([0, 5.1, 10.3, 15.2, 21.9], 0, 30, Allowance));
        Assert.Equal(3, TrajectoryComparison.Stall([0, 5.1, 10.3, 15.2, 23.2], 0, 30, Allowance), 3);
        Assert.Equal(0, TrajectoryComparison.Stall([0, 5.1, 10.3, 15.2, 23.2], 0, 20, Allowance));
    }
}
