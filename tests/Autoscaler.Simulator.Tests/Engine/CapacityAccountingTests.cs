namespace Autoscaler.Simulator.Tests.Engine;

/// <summary>Overload and cost accounting on traces small enough to check by hand.</summary>
public sealed class CapacityAccountingTests
{
    [Fact]
    public void OneOverloadedMinuteIsCountedExactly()
    {
        // 1 pod × 100/min against 100, 300, 100: minute 1 is short by 200.
        var outcome = TestScenarios.Run(TestScenarios.External(capacity: 100), TestScenarios.Minutes(100, 300, 100), new ScriptedDecider(_ => 1));
        Assert.Equal(1, outcome.OverloadMinutes, 9);
        Assert.Equal(200, outcome.UnservedLoad, 9);
        Assert.Equal(500, outcome.TotalDemand, 9);
        Assert.Equal(3.0 / 60, outcome.PodHours, 9);
        Assert.Equal(3.0 / 60, outcome.ReadyPodHours, 9);
        Assert.Equal(500.0 / 300, outcome.MeanUtilization, 9);
        var period = Assert.Single(outcome.OverloadPeriods);
        Assert.Equal(TestScenarios.T0.AddMinutes(1), period.Start);
        Assert.Equal(TestScenarios.T0.AddMinutes(2), period.End);
        Assert.Equal(300, period.PeakDemand);
    }

    [Fact]
    public void CapacityArrivingMidMinuteSplitsTheOverload()
    {
        // Demand 300/min throughout. At 60 s the HPA asks for 3 pods; they are ready at 90 s.
        // 0–90 s: 1 pod short by 200/min → 1.5 min overloaded, 300 unserved; pod-minutes 1×1 + 3×2 = 7.
        var scenario = TestScenarios.External(capacity: 100, startup: 30);
        var outcome = TestScenarios.Run(scenario, TestScenarios.Minutes(300, 300, 300), new ScriptedDecider(s => s >= 60 ? 3 : 1));
        Assert.Equal(1.5, outcome.OverloadMinutes, 9);
        Assert.Equal(300, outcome.UnservedLoad, 9);
        Assert.Equal(7.0 / 60, outcome.PodHours, 9);
        Assert.Equal((1.5 + (3 * 1.5)) / 60, outcome.ReadyPodHours, 9);
        Assert.Equal(1, outcome.ScaleUps);
        Assert.Equal(3, outcome.PeakReplicas);
    }

    [Fact]
    public void ScaleDownRemovesCapacityAtOnce()
    {
        // 4 pods; at 30 s down to 1 pod; demand 250/min → short by 150/min from 30 s to the end (1.5 min).
        var scenario = TestScenarios.External(capacity: 100, initial: 4);
        var outcome = TestScenarios.Run(scenario, TestScenarios.Minutes(250, 250), new ScriptedDecider(s => s >= 30 ? 1 : 4));
        Assert.Equal(1.5, outcome.OverloadMinutes, 9);
        Assert.Equal(225, outcome.UnservedLoad, 9);
        Assert.Equal(1, outcome.ScaleDowns);
    }
}
