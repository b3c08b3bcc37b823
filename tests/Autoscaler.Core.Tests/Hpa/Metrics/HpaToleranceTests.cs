using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.Metrics;
using static Autoscaler.Core.Tests.Hpa.HpaFixtures;

namespace Autoscaler.Core.Tests.Hpa.Metrics;

public sealed class HpaToleranceTests
{
    [Fact]
    public void RatioOfExactlyOnePointOneScalesInV120ButIsWithinInCurrent()
    {
        // 55 % against 50 %: r is the double nearest 1.1; |1 - r| = 0.10000000000000009 > 0.1 in v1.20.
        var pods = Pods(3);
        var observation = SameUsage(pods, 550, T0);

        var v120 = Compute(Cpu(50), observation, 3, pods, HpaProfile.V1_20, T0);
        var current = Compute(Cpu(50), observation, 3, pods, HpaProfile.Current, T0);

        Assert.Equal(4, v120.Replicas); // ceil(3.3000000000000003)
        Assert.Equal(3, current.Replicas);
        Assert.Equal(55, v120.UtilizationPercent);
    }

    [Fact]
    public void TheProposalIsTheCeilingOfADoubleProductNotOfIntegerArithmetic()
    {
        // 25 % against 11 % on 11 pods: exactly 25 in integers, but (25.0 / 11.0) × 11.0 = 25.000000000000004.
        var pods = Pods(11);
        Assert.Equal(26, Compute(Cpu(11), SameUsage(pods, 250, T0), 11, pods, HpaProfile.Current, T0).Replicas);
    }

    [Theory]
    [InlineData(HpaProfile.V1_20)]
    [InlineData(HpaProfile.Current)]
    public void RatioOfPointNineIsWithinInBothProfiles(HpaProfile profile)
    {
        var pods = Pods(4);
        Assert.Equal(4, Compute(Cpu(50), SameUsage(pods, 450, T0), 4, pods, profile, T0).Replicas);
    }

    [Fact]
    public void PerDirectionToleranceCountsOnlyInTheCurrentProfile()
    {
        var behavior = new HpaBehavior(new HpaScalingRules { Tolerance = 0.01 }, new HpaScalingRules { Tolerance = 0.5 });
        var current = HpaTolerance.For(Options(HpaProfile.Current), behavior);
        var v120 = HpaTolerance.For(Options(HpaProfile.V1_20), behavior);

        Assert.False(current.IsWithin(1.02));
        Assert.True(current.IsWithin(0.55));
        Assert.False(current.IsWithin(0.49));
        Assert.True(v120.IsWithin(1.02));
        Assert.False(v120.IsWithin(0.55));
    }

    [Theory]
    [InlineData(HpaProfile.V1_20)]
    [InlineData(HpaProfile.Current)]
    public void EqualityAtTheBoundaryCountsAsWithin(HpaProfile profile)
    {
        var t = new HpaTolerance(0.25, 0.25, profile);
        Assert.True(t.IsWithin(1.25));
        Assert.True(t.IsWithin(0.75));
        Assert.False(t.IsWithin(1.2500001));
    }
}
