using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.State;
using static Autoscaler.Core.Tests.Hpa.HpaFixtures;

namespace Autoscaler.Core.Tests.Hpa;

/// <summary>Whole reconciles, including several syncs in a row on a virtual clock.</summary>
public sealed class HpaReconcilerTests
{
    private static readonly HpaSpec ExternalHpa = new(2, 50, [External(1000)], null);

    private static ReconcileResult Sync(HpaSpec spec, int replicas, long demandMilli, HpaControllerState state, DateTimeOffset now, HpaProfile profile = HpaProfile.Current) =>
        HpaReconciler.Reconcile(spec, new ScaleSnapshot(replicas, replicas), [], [MetricObservation.ForExternal([demandMilli])], state, Options(profile), now);

    [Fact]
    public void AFreshHpaCannotScaleDownForOneDownscaleWindow()
    {
        var state = new HpaControllerState();
        var replicas = 10;
        var firstScaleDown = TimeSpan.Zero;
        for (var t = TimeSpan.Zero; t <= TimeSpan.FromMinutes(10); t += TimeSpan.FromSeconds(15))
        {
            var result = Sync(ExternalHpa, replicas, 3000, state, T0 + t);
            if (result.Rescaled)
            {
                firstScaleDown = t;
                replicas = result.DesiredReplicas;
                break;
            }
        }

        // The initial (10, t0) recommendation counts up to and including t0 + 300 s.
        Assert.Equal(TimeSpan.FromSeconds(315), firstScaleDown);
        Assert.Equal(3, replicas);
    }

    [Fact]
    public void LegacyScaleUpDoublesPerSyncWithoutHistory()
    {
        var state = new HpaControllerState();
        var replicas = 3;
        var seen = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            replicas = Sync(ExternalHpa, replicas, 100_000, state, T0.AddSeconds(15 * i)).DesiredReplicas;
            seen.Add(replicas);
        }

        Assert.Equal([6, 12, 24, 48], seen);
    }

    [Fact]
    public void DefaultBehaviorScaleUpIsLimitedByItsOwnRecentEvents()
    {
        var spec = ExternalHpa with { Behavior = new HpaBehavior(null, null) };
        var state = new HpaControllerState();

        var first = Sync(spec, 4, 100_000, state, T0);
        var sameInstant = Sync(spec, first.DesiredReplicas, 100_000, state, T0.AddSeconds(5));
        var nextPeriod = Sync(spec, sameInstant.DesiredReplicas, 100_000, state, T0.AddSeconds(15));

        Assert.Equal(8, first.DesiredReplicas);        // max(4 + 4, 2 × 4)
        Assert.Equal(8, sameInstant.DesiredReplicas);  // period start 4 → still 8
        Assert.Equal(16, nextPeriod.DesiredReplicas);  // the t0 event is exactly at the boundary: outside
        Assert.Contains(sameInstant.Conditions, c => c is { Type: HpaCondition.ScalingLimited, Status: true, Reason: "ScaleUpLimit" });
        Assert.Equal(2, state.ScaleUpEvents.Count);    // the t0 event was not yet outdated at t0 + 15 s
    }

    [Fact]
    public void AboveMaxGoesToMaxWithoutReadingMetrics()
    {
        var spec = ExternalHpa with { Behavior = new HpaBehavior(null, null) };
        var state = new HpaControllerState();
        var result = HpaReconciler.Reconcile(spec, new ScaleSnapshot(70, 70), [], [], state, Options(HpaProfile.Current), T0);

        Assert.Equal(50, result.DesiredReplicas);
        Assert.Empty(result.Metrics);
        Assert.Equal([new ScaleEvent(20, T0)], state.ScaleDownEvents);
    }

    [Fact]
    public void ZeroReplicasWithNonZeroMinDisablesScaling()
    {
        var result = Sync(ExternalHpa, 0, 100_000, new HpaControllerState(), T0);

        Assert.False(result.Rescaled);
        Assert.Equal(0, result.DesiredReplicas);
        Assert.Contains(result.Conditions, c => c is { Type: HpaCondition.ScalingActive, Status: false, Reason: "ScalingDisabled" });
    }

    [Theory]
    [InlineData(HpaProfile.V1_20, 3, false)]
    [InlineData(HpaProfile.Current, 10, true)]
    public void ABrokenMetricBlocksScaleDownOnlyInCurrent(HpaProfile profile, int expected, bool blocked)
    {
        var spec = new HpaSpec(1, 50, [External(1000), External(1000)], null);
        var state = new HpaControllerState { Recommendations = [] };
        var result = HpaReconciler.Reconcile(spec, new ScaleSnapshot(10, 10), [],
            [MetricObservation.ForExternal([3000]), MetricObservation.Failed("timeout")], state, Options(profile), T0);

        Assert.Equal(expected, result.DesiredReplicas);
        Assert.Equal(blocked, result.StatusDesiredReplicas is null);
        Assert.Equal(blocked, result.Error is not null);
    }

    [Fact]
    public void ABrokenMetricDoesNotBlockScaleUpButIsStillReportedInCurrent()
    {
        var spec = new HpaSpec(1, 50, [External(1000), External(1000)], null);
        var result = HpaReconciler.Reconcile(spec, new ScaleSnapshot(10, 10), [],
            [MetricObservation.ForExternal([15000]), MetricObservation.Failed("timeout")], new HpaControllerState(), Options(HpaProfile.Current), T0);

        Assert.Equal(15, result.DesiredReplicas);
        Assert.NotNull(result.Error);
        Assert.Equal(2, result.Metrics.Count);
    }

    [Fact]
    public void AllMetricsBrokenLeavesEverythingAsIs()
    {
        var result = HpaReconciler.Reconcile(ExternalHpa, new ScaleSnapshot(10, 10), [], [MetricObservation.Failed("down")],
            new HpaControllerState(), Options(HpaProfile.V1_20), T0);

        Assert.False(result.Rescaled);
        Assert.Null(result.StatusDesiredReplicas);
        Assert.Contains(result.Conditions, c => c is { Type: HpaCondition.ScalingActive, Status: false, Reason: "FailedGetExternalMetric" });
    }

    [Fact]
    public void AnInvalidSelectorStopsTheReconcile()
    {
        var scale = new ScaleSnapshot(10, 10) { SelectorError = "selector is empty" };
        var result = HpaReconciler.Reconcile(ExternalHpa, scale, [], [MetricObservation.ForExternal([1])], new HpaControllerState(), Options(HpaProfile.Current), T0);

        Assert.False(result.Rescaled);
        Assert.Contains(result.Conditions, c => c.Reason == "InvalidSelector");
    }

    [Fact]
    public void ApiDefaultsAreExplicit()
    {
        var spec = new HpaSpec(null, 5, [], new HpaBehavior(null, new HpaScalingRules { SelectPolicy = ScalingPolicySelect.Min })).WithApiDefaults();

        Assert.Equal([MetricSpec.DefaultCpu], spec.Metrics);
        Assert.Equal(0, spec.Behavior!.ScaleUp!.StabilizationWindowSeconds);
        Assert.Null(spec.Behavior.ScaleDown!.StabilizationWindowSeconds);
        Assert.Equal(ScalingPolicySelect.Min, spec.Behavior.ScaleDown.SelectPolicy);
        Assert.Equal(HpaBehavior.DefaultScaleDownPolicies, spec.Behavior.ScaleDown.Policies);
    }
}
