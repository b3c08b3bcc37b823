using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.State;
using FsCheck;
using FsCheck.Fluent;
using static Autoscaler.Core.Tests.Hpa.HpaFixtures;

namespace Autoscaler.Core.Tests.Hpa;

/// <summary>FsCheck invariants of normalisation, driven from xunit facts (FsCheck.Xunit is not available).</summary>
public sealed class NormalizationPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(400);

    private sealed record Scenario(int Min, int Max, int Current, long Demand, HpaBehavior? Behavior, int[] History, HpaProfile Profile);

    private static readonly Gen<HpaScalingPolicy> PolicyGen =
        from type in Gen.Elements(HpaScalingPolicyType.Pods, HpaScalingPolicyType.Percent)
        from value in Gen.Choose(1, 400)
        from period in Gen.Choose(1, 1800)
        select new HpaScalingPolicy(type, value, period);

    private static readonly Gen<HpaScalingRules?> RulesGen = Gen.OneOf(
        Gen.Constant<HpaScalingRules?>(null),
        from window in Gen.Choose(0, 3600)
        from sel in Gen.Elements(ScalingPolicySelect.Max, ScalingPolicySelect.Min, ScalingPolicySelect.Disabled)
        from policies in Gen.NonEmptyListOf(PolicyGen)
        select (HpaScalingRules?)new HpaScalingRules { StabilizationWindowSeconds = window, SelectPolicy = sel, Policies = policies.ToList() });

    private static readonly Gen<HpaBehavior?> BehaviorGen = Gen.OneOf(
        Gen.Constant<HpaBehavior?>(null),
        from up in RulesGen
        from down in RulesGen
        select (HpaBehavior?)new HpaBehavior(up, down));

    private static readonly Gen<Scenario> ScenarioGen =
        from min in Gen.Choose(1, 20)
        from span in Gen.Choose(0, 80)
        from current in Gen.Choose(min, min + span)
        from demand in Gen.Choose(0, 1_000_000)
        from behavior in BehaviorGen
        from history in Gen.ArrayOf(Gen.Choose(0, 200))
        from profile in Gen.Elements(HpaProfile.V1_20, HpaProfile.Current)
        select new Scenario(min, min + span, current, demand, behavior, history, profile);

    [Fact]
    public void AReconcileNeverLeavesMinMaxWhenItStartsInside()
    {
        var property = Prop.ForAll(ScenarioGen.ToArbitrary(), s =>
        {
            var state = new HpaControllerState { Recommendations = History(s.History) };
            var spec = new HpaSpec(s.Min, s.Max, [External(1000)], s.Behavior);
            var result = HpaReconciler.Reconcile(spec, new ScaleSnapshot(s.Current, s.Current), [],
                [MetricObservation.ForExternal([s.Demand])], state, Options(s.Profile), T0);
            return result.DesiredReplicas >= s.Min && result.DesiredReplicas <= s.Max;
        });
        Check.One(Quick, property);
    }

    [Fact]
    public void CurrentProfileStabilizationLiesBetweenCurrentAndDesired()
    {
        var gen =
            from current in Gen.Choose(0, 500)
            from desired in Gen.Choose(0, 500)
            from up in Gen.Choose(0, 3600)
            from down in Gen.Choose(0, 3600)
            from history in Gen.ArrayOf(Gen.Choose(0, 500))
            select (current, desired, up, down, history);
        var property = Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var stabilized = BehaviorStabilizer.Stabilize(History(x.history), x.current, x.desired, x.up, x.down, T0, HpaProfile.Current).Replicas;
            return stabilized >= Math.Min(x.current, x.desired) && stabilized <= Math.Max(x.current, x.desired);
        });
        Check.One(Quick, property);
    }

    [Fact]
    public void TheRateLimiterNeverMovesAgainstTheDirection()
    {
        var gen =
            from current in Gen.Choose(1, 500)
            from desired in Gen.Choose(0, 1000)
            from up in RulesGen
            from down in RulesGen
            from events in Gen.ArrayOf(Gen.Choose(0, 300))
            select (current, desired, up, down, events);
        var property = Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var history = x.events.Select((change, i) => new ScaleEvent(change, T0.AddSeconds(-7 * i))).ToList();
            var result = BehaviorRateLimiter.Apply(x.current, x.desired, 1, 1000,
                HpaBehavior.ScaleUpWithDefaults(x.up), HpaBehavior.ScaleDownWithDefaults(x.down), history, history, T0, HpaProfile.Current).Replicas;
            return x.desired >= x.current ? result >= x.current && result <= x.desired : result <= x.current && result >= x.desired;
        });
        Check.One(Quick, property);
    }

    // History ages spread over the last 20 minutes, one entry every 13 s.
    private static List<TimestampedRecommendation> History(int[] replicas) =>
        replicas.Select((r, i) => new TimestampedRecommendation(r, T0.AddSeconds(-13 * i))).ToList();
}
