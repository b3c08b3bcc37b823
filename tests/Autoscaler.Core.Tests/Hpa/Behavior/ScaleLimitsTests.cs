using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.State;
using static Autoscaler.Core.Tests.Hpa.HpaFixtures;

namespace Autoscaler.Core.Tests.Hpa.Behavior;

public sealed class ScaleLimitsTests
{
    private static HpaScalingRules Rules(params HpaScalingPolicy[] policies) => new() { SelectPolicy = ScalingPolicySelect.Max, Policies = policies };

    [Fact]
    public void PercentScaleUpRoundsUp()
    {
        var rules = Rules(new HpaScalingPolicy(HpaScalingPolicyType.Percent, 1, 60));
        Assert.Equal(4, ScaleLimits.ScaleUpLimit(3, [], [], rules, T0, HpaProfile.Current)); // ceil(3.03)
    }

    [Fact]
    public void PercentScaleDownTruncates()
    {
        var rules = Rules(new HpaScalingPolicy(HpaScalingPolicyType.Percent, 1, 60));
        Assert.Equal(99, ScaleLimits.ScaleDownLimit(100, [], [], rules, T0, HpaProfile.Current)); // trunc(99.0)
        Assert.Equal(3, ScaleLimits.ScaleDownLimit(4, [], [], rules, T0, HpaProfile.Current));    // trunc(3.96)
    }

    [Fact]
    public void AnEventExactlyAtThePeriodBoundaryIsOutside()
    {
        var rules = Rules(new HpaScalingPolicy(HpaScalingPolicyType.Pods, 2, 60));
        List<ScaleEvent> atBoundary = [new(5, T0.AddSeconds(-60))];
        List<ScaleEvent> inside = [new(5, T0.AddSeconds(-59))];

        Assert.Equal(12, ScaleLimits.ScaleUpLimit(10, atBoundary, [], rules, T0, HpaProfile.Current));
        Assert.Equal(7, ScaleLimits.ScaleUpLimit(10, inside, [], rules, T0, HpaProfile.Current));
    }

    [Fact]
    public void OnlyTheCurrentProfileCountsTheOtherDirection()
    {
        var rules = Rules(new HpaScalingPolicy(HpaScalingPolicyType.Percent, 50, 60));
        List<ScaleEvent> up = [new(2, T0.AddSeconds(-30))];
        List<ScaleEvent> down = [new(4, T0.AddSeconds(-30))];

        Assert.Equal(6, ScaleLimits.ScaleDownLimit(10, up, down, rules, T0, HpaProfile.Current)); // start 10 + 4 − 2
        Assert.Equal(7, ScaleLimits.ScaleDownLimit(10, up, down, rules, T0, HpaProfile.V1_20));   // start 14
    }

    [Fact]
    public void SelectPolicyMinPicksTheSmallestChangeAndDisabledFreezes()
    {
        var policies = new[] { new HpaScalingPolicy(HpaScalingPolicyType.Pods, 4, 15), new HpaScalingPolicy(HpaScalingPolicyType.Percent, 100, 15) };
        var min = new HpaScalingRules { SelectPolicy = ScalingPolicySelect.Min, Policies = policies };
        var disabled = new HpaScalingRules { SelectPolicy = ScalingPolicySelect.Disabled, Policies = policies };

        Assert.Equal(14, ScaleLimits.ScaleUpLimit(10, [], [], min, T0, HpaProfile.Current));
        Assert.Equal(6, ScaleLimits.ScaleDownLimit(10, [], [], min, T0, HpaProfile.Current)); // max(10 − 4, trunc(10 × 0))
        Assert.Equal(10, ScaleLimits.ScaleUpLimit(10, [], [], disabled, T0, HpaProfile.Current));
    }

    [Fact]
    public void RulesWithoutDefaultsAreRejectedLoudly() =>
        Assert.Throws<ArgumentException>(() => ScaleLimits.ScaleUpLimit(1, [], [], new HpaScalingRules(), T0, HpaProfile.Current));

    [Fact]
    public void HistoryCanNeverForceAMoveAgainstTheDirection()
    {
        var rules = HpaBehavior.ScaleUpWithDefaults(null);
        List<ScaleEvent> bigRecentScaleUp = [new(50, T0.AddSeconds(-5))];
        var decision = BehaviorRateLimiter.Apply(10, 20, 1, 100, rules, HpaBehavior.ScaleDownWithDefaults(null), bigRecentScaleUp, [], T0, HpaProfile.V1_20);

        Assert.Equal(new ReplicaDecision(10, "ScaleUpLimit"), decision);
    }
}
