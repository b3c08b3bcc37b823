using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Tests.Engine;

/// <summary>The decider feeds each metric model to the core's reconcile in the shape that model needs.</summary>
public sealed class HpaDeciderTests
{
    private static DemandTrace Step() => TestScenarios.Minutes([.. Enumerable.Repeat(100.0, 20), .. Enumerable.Repeat(1000.0, 40)]);

    private static Scenario With(MetricModel metric, long request = 1000) => TestScenarios.External(capacity: 100, startup: 60, max: 40, behavior: new(null, null)) with
    {
        Workload = TestScenarios.External(capacity: 100, startup: 60).Workload with { CpuRequestMilli = request, CpuAtCapacityMilli = request },
        Hpa = TestScenarios.External(max: 40, behavior: new(null, null)).Hpa with { Metric = metric },
    };

    [Fact]
    public void ExternalAverageValueFollowsDemandOverTarget()
    {
        // 1000/min at 50 per pod → 20 replicas once the stabilised scale-up has run its course.
        var outcome = TestScenarios.Run(With(new MetricModel { Type = MetricKind.External, AverageValue = Autoscaler.Core.Quantities.Quantity.FromMilli(50_000) }), Step());
        Assert.Equal(20, outcome.Timeline.Replicas[^1]);
    }

    [Fact]
    public void ExternalValueTargetUsesReadyPods()
    {
        // Value target 500 for the total: ratio 2 → twice the ready-and-running pods, repeatedly, up to max.
        var outcome = TestScenarios.Run(With(new MetricModel { Type = MetricKind.External, Value = Autoscaler.Core.Quantities.Quantity.FromMilli(500_000) }), Step());
        Assert.True(outcome.Timeline.Replicas[^1] > 1);
        Assert.True(outcome.PeakReplicas <= 40);
    }

    [Fact]
    public void UtilizationScalesOnModelledCpu()
    {
        // Target 50 %. 100/min on one pod of capacity 100 is 100 % CPU → 2 pods; 1000/min → 20 pods.
        var outcome = TestScenarios.Run(With(new MetricModel { Type = MetricKind.Utilization, AverageUtilization = 50 }, request: 500), Step());
        var replicas = outcome.Timeline.Replicas.ToArray();
        Assert.Equal(2, replicas[(10 * 60) / 15]);
        Assert.InRange(replicas[^1], 18, 22);
        Assert.True(outcome.Timeline.Metric[^1] is > 40 and < 60, $"utilization {outcome.Timeline.Metric[^1]}");
    }
}
