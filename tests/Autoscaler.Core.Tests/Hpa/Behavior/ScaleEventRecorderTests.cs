using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.State;
using static Autoscaler.Core.Tests.Hpa.HpaFixtures;

namespace Autoscaler.Core.Tests.Hpa.Behavior;

public sealed class ScaleEventRecorderTests
{
    private static readonly HpaBehavior Behavior = new HpaBehavior(
        new HpaScalingRules { Policies = [new HpaScalingPolicy(HpaScalingPolicyType.Pods, 4, 60), new HpaScalingPolicy(HpaScalingPolicyType.Percent, 100, 15)] },
        null).WithApiDefaults();

    [Fact]
    public void TheLastEventOlderThanTheLongestPeriodIsReused()
    {
        var state = new HpaControllerState();
        state.ScaleUpEvents.AddRange([new(3, T0.AddSeconds(-300)), new(1, T0.AddSeconds(-100)), new(2, T0.AddSeconds(-10))]);

        ScaleEventRecorder.Record(state, Behavior, previous: 5, next: 9, T0);

        Assert.Equal([new(3, T0.AddSeconds(-300), true), new(4, T0), new(2, T0.AddSeconds(-10))], state.ScaleUpEvents);
        Assert.Empty(state.ScaleDownEvents);
    }

    [Fact]
    public void WithoutOutdatedEventsTheNewOneIsAppendedToItsDirection()
    {
        var state = new HpaControllerState();
        state.ScaleDownEvents.Add(new(1, T0.AddSeconds(-5)));

        ScaleEventRecorder.Record(state, Behavior, previous: 9, next: 6, T0);

        Assert.Equal([new(1, T0.AddSeconds(-5)), new(3, T0)], state.ScaleDownEvents);
    }

    [Fact]
    public void NothingIsKeptOnTheLegacyPath()
    {
        var state = new HpaControllerState();
        ScaleEventRecorder.Record(state, null, previous: 1, next: 5, T0);
        Assert.Empty(state.ScaleUpEvents);
    }
}
