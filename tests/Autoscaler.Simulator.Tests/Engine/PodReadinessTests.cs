using Autoscaler.Simulator.Engine;

namespace Autoscaler.Simulator.Tests.Engine;

public sealed class PodReadinessTests
{
    [Fact]
    public void CreatedPodsBecomeReadyExactlyStartupSecondsLater()
    {
        // Scale 1 → 5 at the first sync; startup 120 s; syncs every 15 s. The sync at 120 s sees them ready.
        var scenario = TestScenarios.External(startup: 120);
        var decider = new ScriptedDecider(_ => 5);
        var outcome = TestScenarios.Run(scenario, TestScenarios.Minutes(10, 10, 10, 10), decider);
        var readyBySecond = decider.Seen.ToDictionary(s => (s.Now - TestScenarios.T0).TotalSeconds, s => s.Ready);
        Assert.Equal(1, readyBySecond[105]);
        Assert.Equal(5, readyBySecond[120]);
        Assert.All(decider.Seen.Skip(1), s => Assert.Equal(5, s.Status));
        Assert.Equal(5, outcome.Timeline.Ready[^1]);
    }

    [Fact]
    public void ScaleDownRemovesStartingPodsBeforeReadyOnes()
    {
        // 2 ready; up to 6 at 0 s (4 starting, ready at 300 s); down to 3 at 15 s: three starting pods go, both ready stay.
        var scenario = TestScenarios.External(startup: 300, initial: 2);
        var decider = new ScriptedDecider(s => s < 15 ? 6 : 3);
        TestScenarios.Run(scenario, TestScenarios.Minutes(10, 10, 10, 10, 10, 10), decider);
        var at30 = decider.Seen.Single(s => s.Now == TestScenarios.T0.AddSeconds(30));
        Assert.Equal((3, 2), (at30.Status, at30.Ready));
        var at300 = decider.Seen.Single(s => s.Now == TestScenarios.T0.AddSeconds(300));
        Assert.Equal(3, at300.Ready);
    }

    [Fact]
    public void JitterDelaysReadinessWithinItsBoundAndFollowsTheSeed()
    {
        var scenario = TestScenarios.External(startup: 60, jitter: 60, seed: 42);
        ReplayOutcome Once() => TestScenarios.Run(scenario, TestScenarios.Minutes(10, 10, 10, 10), new ScriptedDecider(_ => 20));
        var a = Once();
        var ready = a.Timeline.Ready.ToArray();
        var seconds = a.Timeline.Ticks.ToArray().Select(t => (t - TestScenarios.T0.Ticks) / TimeSpan.TicksPerSecond).ToArray();
        for (var i = 0; i < ready.Length; i++)
        {
            if (seconds[i] < 60) Assert.Equal(1, ready[i]);
            if (seconds[i] >= 120) Assert.Equal(20, ready[i]);
        }

        Assert.Contains(ready, r => r is > 1 and < 20); // jitter spreads them out
        Assert.Equal(ready, Once().Timeline.Ready.ToArray());
    }

    [Fact]
    public void MetricDelayShowsTheHpaOlderDemand()
    {
        var scenario = TestScenarios.External() with { Hpa = TestScenarios.External().Hpa with { Metric = new() { Type = Autoscaler.Simulator.Scenarios.MetricKind.External, AverageValue = Autoscaler.Core.Quantities.Quantity.FromMilli(70_000), DelaySeconds = 60 } } };
        var decider = new ScriptedDecider(_ => 1);
        TestScenarios.Run(scenario, TestScenarios.Minutes(10, 20, 30), decider);
        Assert.Equal(0, decider.Seen.Single(s => s.Now == TestScenarios.T0.AddSeconds(45)).Metric);
        Assert.Equal(10, decider.Seen.Single(s => s.Now == TestScenarios.T0.AddSeconds(90)).Metric);
        Assert.Equal(20, decider.Seen.Single(s => s.Now == TestScenarios.T0.AddSeconds(120)).Metric);
    }
}
