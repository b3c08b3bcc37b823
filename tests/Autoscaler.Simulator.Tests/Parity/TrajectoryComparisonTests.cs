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
        Assert.Contains("| 1 | 10.0 | 3 | 12.0 | 3 | +2.0 | ok |", verdict.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("| 2 | – | – | 40.0 | 4 | – | **", verdict.ToMarkdown(), StringComparison.Ordinal);
        Assert.StartsWith("index,sim_at,sim_replicas,real_at,real_replicas,lag,problem\n1,10,3,12,3,2,\"\"\n", verdict.ToCsv(), StringComparison.Ordinal);
    }
}
