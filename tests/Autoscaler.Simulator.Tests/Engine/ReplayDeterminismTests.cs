using Autoscaler.Simulator.Engine;

namespace Autoscaler.Simulator.Tests.Engine;

/// <summary>Runs the real reconcile through the engine: same input, same output; and the HPA actually reacts.</summary>
public sealed class ReplayDeterminismTests
{
    private static DemandTrace Wave() =>
        TestScenarios.Minutes(Enumerable.Range(0, 240).Select(i => 500 + (400 * Math.Sin(i / 20.0)) + (i is > 100 and < 110 ? 2000 : 0)).ToArray());

    [Fact]
    public void SameInputGivesTheSameTimeline()
    {
        var scenario = TestScenarios.External(startup: 90, jitter: 45, seed: 3, max: 100, behavior: new(null, null));
        var a = TestScenarios.Run(scenario, Wave());
        var b = TestScenarios.Run(scenario, Wave());
        Assert.Equal(a.Timeline.Replicas.ToArray(), b.Timeline.Replicas.ToArray());
        Assert.Equal(a.Timeline.Ready.ToArray(), b.Timeline.Ready.ToArray());
        Assert.Equal(a.UnservedLoad, b.UnservedLoad);
        Assert.Equal(a.PodHours, b.PodHours);
    }

    [Fact]
    public void TheRealHpaScalesUpForASpikeAndBackDownAfterwards()
    {
        var scenario = TestScenarios.External(startup: 60, max: 100, behavior: new(null, null));
        var outcome = TestScenarios.Run(scenario, Wave());
        var replicas = outcome.Timeline.Replicas.ToArray();
        var atSpike = replicas[(105 * 60) / 15];
        var before = replicas[(95 * 60) / 15];
        Assert.True(atSpike > before, $"replicas at the spike {atSpike} should exceed {before}");
        Assert.True(replicas[^1] < outcome.PeakReplicas);
        Assert.All(replicas, r => Assert.InRange(r, 1, 100));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentReadinessButTheSameBounds()
    {
        var a = TestScenarios.Run(TestScenarios.External(startup: 60, jitter: 120, seed: 1, max: 100), Wave());
        var b = TestScenarios.Run(TestScenarios.External(startup: 60, jitter: 120, seed: 2, max: 100), Wave());
        Assert.NotEqual(a.Timeline.Ready.ToArray(), b.Timeline.Ready.ToArray());
    }
}
