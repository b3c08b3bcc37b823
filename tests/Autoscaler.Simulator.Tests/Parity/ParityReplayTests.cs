using Autoscaler.Simulator.Parity;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Tests.Parity;

public sealed class ParityReplayTests
{
    private static readonly ControllerFlags Flags = new()
    {
        SyncPeriodSeconds = 5, Tolerance = 0.1, DownscaleStabilizationSeconds = 60, CpuInitializationPeriodSeconds = 300, InitialReadinessDelaySeconds = 30,
    };

    private static readonly ParityCase Legacy = new() { Name = "t", MinReplicas = 1, MaxReplicas = 20, TargetAverageValue = 10, InitialReplicas = 1 };

    [Fact]
    public void Legacy_path_doubles_at_most_per_sync_and_holds_a_drop_for_the_flag_window()
    {
        // 150 / 10 = 15, capped per sync at max(2 × current, 4): 1 → 4 → 8 → 15. The drop at 30 s is held
        // while a recommendation of 15 is in the 60 s window: the last one is from the 25 s sync, so 90 s.
        var changes = ParityReplay.Simulate(Legacy, Flags, [new(0, 10), new(10, 150), new(30, 20)], 120);

        ReplicaChange[] expected = [new(10, 4), new(15, 8), new(20, 15), new(90, 2)];
        Assert.Equal(expected, changes);
    }

    [Fact]
    public void Behavior_path_applies_the_pods_policy_per_period_and_its_own_window()
    {
        var hpa = Legacy with
        {
            Behavior = new BehaviorModel(new ScalingRulesModel(null, null, [new ScalingPolicyModel("Pods", 2, 15)], null), new ScalingRulesModel(30, null, null, null)),
        };

        var changes = ParityReplay.Simulate(hpa, Flags, [new(0, 10), new(10, 60), new(60, 20)], 120);

        // +2 per 15 s up to 6 (an event exactly one period old no longer counts); the drop at 60 s waits out
        // the 30 s window: the last recommendation of 6 (55 s) leaves it once it is no longer after the cutoff, at 85 s.
        ReplicaChange[] expected = [new(10, 3), new(25, 5), new(40, 6), new(85, 2)];
        Assert.Equal(expected, changes);
    }

    [Fact]
    public void Given_sync_instants_replace_the_fixed_period()
    {
        // The real controller's syncs, not every 5 s: the cap applies per sync, whenever it comes.
        var changes = ParityReplay.Simulate(Legacy, Flags, [new(0, 10), new(10, 150)], 60, [0, 3, 11, 14.5, 30]);

        ReplicaChange[] expected = [new(11, 4), new(14.5, 8), new(30, 15)];
        Assert.Equal(expected, changes);
    }

    [Fact]
    public void A_change_inside_the_tolerance_band_changes_nothing()
    {
        Assert.Empty(ParityReplay.Simulate(Legacy with { InitialReplicas = 10 }, Flags, [new(0, 100), new(10, 109), new(20, 91)], 60));
    }

    [Fact]
    public void A_series_not_starting_at_zero_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ParityReplay.Simulate(Legacy, Flags, [new(5, 10)], 60));
        Assert.Contains("0 s", e.Message, StringComparison.Ordinal);
    }
}
