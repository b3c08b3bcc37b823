using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Legacy;
using Autoscaler.Core.Hpa.State;
using static Autoscaler.Core.Tests.Hpa.HpaFixtures;

namespace Autoscaler.Core.Tests.Hpa.Legacy;

public sealed class LegacyNormalizationTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    [Fact]
    public void OnlyTheLastExpiredEntryIsOverwritten()
    {
        List<TimestampedRecommendation> history = [new(9, T0.AddSeconds(-900)), new(8, T0.AddSeconds(-600)), new(4, T0.AddSeconds(-60))];

        var result = LegacyStabilizer.Stabilize(history, 2, Window, T0);

        Assert.Equal(4, result);
        Assert.Equal([new(9, T0.AddSeconds(-900)), new(2, T0), new(4, T0.AddSeconds(-60))], history);
    }

    [Fact]
    public void AnEntryExactlyAtTheCutoffStillCounts()
    {
        List<TimestampedRecommendation> history = [new(7, T0.AddSeconds(-300))];
        Assert.Equal(7, LegacyStabilizer.Stabilize(history, 3, Window, T0));
        Assert.Equal(2, history.Count);
    }

    [Theory]
    [InlineData(3, 10, 1, 100, 6, "ScaleUpLimit")]     // max(2 × 3, 4)
    [InlineData(1, 10, 1, 100, 4, "ScaleUpLimit")]     // the minimum of 4
    [InlineData(3, 10, 1, 5, 5, "TooManyReplicas")]
    [InlineData(3, 1, 2, 5, 2, "TooFewReplicas")]
    [InlineData(3, 5, 2, 5, 5, "DesiredWithinRange")]
    public void RulesCapScaleUpPerSyncAndClamp(int current, int desired, int min, int max, int expected, string reason) =>
        Assert.Equal(new ReplicaDecision(expected, reason), LegacyRules.Apply(current, desired, min, max, 2.0, 4.0));
}
