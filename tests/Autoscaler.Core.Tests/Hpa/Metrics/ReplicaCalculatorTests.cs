using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.Pods;
using static Autoscaler.Core.Tests.Hpa.HpaFixtures;

namespace Autoscaler.Core.Tests.Hpa.Metrics;

public sealed class ReplicaCalculatorTests
{
    [Fact]
    public void UtilizationPercentIsIntegerDivisionOfTheSums()
    {
        var pods = Pods(2);
        var proposal = Compute(Cpu(20), Samples(T0, ("p0", 500), ("p1", 499)), 2, pods, HpaProfile.Current, T0);

        Assert.Equal(49, proposal.UtilizationPercent); // 99 900 / 2 000 = 49.95 → 49
        Assert.Equal(499, proposal.StatusValueMilli);  // raw average floor(999 / 2)
        Assert.Equal(5, proposal.Replicas);           // ceil(49 / 20 × 2) = ceil(4.9)
    }

    [Fact]
    public void MissingPodsOnScaleDownUseMaxOfHundredAndTargetOnlyInCurrent()
    {
        // Target 150 %: one pod at 30 % (r = 0.2), one pod without a sample.
        var pods = Pods(2);
        var observation = Samples(T0, ("p0", 300));

        var v120 = Compute(Cpu(150), observation, 2, pods, HpaProfile.V1_20, T0);
        var current = Compute(Cpu(150), observation, 2, pods, HpaProfile.Current, T0);

        Assert.Equal(1, v120.Replicas);    // (300 + 1000) / 2000 = 65 % → 0.433 × 2 → 1
        Assert.Equal(2, current.Replicas); // (300 + 1500) / 2000 = 90 % → 0.6 × 2 → 2
    }

    [Fact]
    public void SuperfluousSamplesCountAsEntriesButNotInTheUtilizationRatio()
    {
        // p0 at 100 % vs 40 % (r = 2.5), p1 missing, "other" not listed. Slow path: p1 → 0, so
        // 1000 / 2000 = 50 % → 1.25, times 3 entries (p0, p1 and the superfluous sample) → 4.
        var pods = Pods(2);
        var proposal = Compute(Cpu(40), Samples(T0, ("p0", 1000), ("other", 5000)), 2, pods, HpaProfile.Current, T0);

        Assert.Equal(4, proposal.Replicas);
        Assert.Equal(100, proposal.UtilizationPercent);
    }

    [Fact]
    public void SuperfluousSamplesJoinThePlainAverage()
    {
        // avg(1000, 2000) = 1500 vs 500 → r = 3; p1 missing → 0: 3000 / 3 = 1000 → 2 × 3 entries = 6.
        var qps = new MetricSpec(MetricSourceType.Pods, MetricTarget.AverageValue(500));
        var proposal = Compute(qps, Samples(T0, ("p0", 1000), ("other", 2000)), 2, Pods(2), HpaProfile.V1_20, T0);

        Assert.Equal(6, proposal.Replicas);
        Assert.Equal(1500, proposal.StatusValueMilli);
    }

    [Fact]
    public void AMissingRequestMakesTheMetricInvalid()
    {
        var pods = new List<PodSnapshot> { Pod("p0"), Pod("p1") with { RequestsMilli = new Dictionary<string, long>() } };
        var proposal = Compute(Cpu(50), Samples(T0, ("p0", 500), ("p1", 500)), 2, pods, HpaProfile.Current, T0);

        Assert.False(proposal.IsValid);
        Assert.Equal("FailedGetResourceMetric", proposal.Reason);
        Assert.Contains("missing request for cpu", proposal.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletingAndFailedPodsAreIgnoredAndPendingPodsDampScaleUp()
    {
        var pods = new List<PodSnapshot>
        {
            Pod("p0"), Pod("p1"),
            Pod("gone", deleting: true), Pod("dead", phase: PodPhase.Failed),
            Pod("new", phase: PodPhase.Pending),
        };
        var observation = Samples(T0, ("p0", 1000), ("p1", 1000), ("gone", 5000), ("dead", 5000));

        // Ready pods at 100 % vs 50 % → r = 2 with an unready pod → it counts as 0: 2000 / 3000 = 66 % → ceil(1.32 × 3) = 4.
        Assert.Equal(4, Compute(Cpu(50), observation, 3, pods, HpaProfile.V1_20, T0).Replicas);
    }

    [Fact]
    public void CpuReadinessDistrustsASampleThatDoesNotCoverAWindowSinceReady()
    {
        // Started 60 s ago (inside the 300 s cpu initialisation period), ready 30 s ago, sample window 60 s.
        var hot = Pod("hot", start: T0.AddSeconds(-60), readySince: T0.AddSeconds(-30));
        var pods = new List<PodSnapshot> { Pod("p0"), hot };
        var observation = Samples(T0, ("p0", 1000), ("hot", 1000));

        // Hot pod is unready → rebalanced to 0: (1000 + 0) / 2000 = 50 % vs 40 % → ceil(1.25 × 2) = 3.
        Assert.Equal(3, Compute(Cpu(40), observation, 2, pods, HpaProfile.Current, T0).Replicas);

        // The same pods on a non-cpu Pods metric: readiness is not examined, both count.
        var qps = new MetricSpec(MetricSourceType.Pods, MetricTarget.AverageValue(400));
        Assert.Equal(5, Compute(qps, observation, 2, pods, HpaProfile.Current, T0).Replicas);
    }

    [Fact]
    public void APodThatWasReadyOnceStillCountsAfterInitialisation()
    {
        // Ready=False now, but its last transition is long after start + readiness delay: it was ready once.
        var flapping = Pod("f", ready: PodReadyStatus.False, start: T0.AddHours(-2), readySince: T0.AddMinutes(-5));
        var pods = new List<PodSnapshot> { Pod("p0"), flapping };

        Assert.Equal(4, Compute(Cpu(50), Samples(T0, ("p0", 1000), ("f", 1000)), 2, pods, HpaProfile.Current, T0).Replicas);
    }

    [Fact]
    public void ObjectValueFromZeroReplicasIgnoresToleranceAndPods() // r = 1.033 is within 10 %, yet ceil(r) = 2
    {
        var spec = new MetricSpec(MetricSourceType.Object, MetricTarget.Value(15000));
        Assert.Equal(2, Compute(spec, MetricObservation.ForObject(15500), 0, [], HpaProfile.Current, T0).Replicas);
    }

    [Fact]
    public void ExternalValueMultipliesByRunningAndReadyPodsOnly()
    {
        var spec = new MetricSpec(MetricSourceType.External, MetricTarget.Value(1000));
        var pods = new List<PodSnapshot> { Pod("a"), Pod("b", ready: PodReadyStatus.False), Pod("c", phase: PodPhase.Pending) };

        var proposal = Compute(spec, MetricObservation.ForExternal([1000, 1000]), 3, pods, HpaProfile.Current, T0);

        Assert.Equal(2, proposal.Replicas); // r = 2 × 1 ready running pod
        Assert.Equal(2000, proposal.StatusValueMilli);
    }

    [Fact]
    public void ExternalAverageValueSumsSaturateInsteadOfWrapping()
    {
        var proposal = Compute(External(1), MetricObservation.ForExternal([long.MaxValue, long.MaxValue]), 3, [], HpaProfile.Current, T0);

        Assert.Equal(int.MaxValue, proposal.Replicas);
    }

    [Theory]
    [InlineData(MetricSourceType.External, "FailedGetExternalMetric")]
    [InlineData(MetricSourceType.Object, "FailedGetObjectMetric")]
    [InlineData(MetricSourceType.Pods, "FailedGetPodsMetric")]
    [InlineData(MetricSourceType.Invalid, "InvalidMetricSourceType")]
    public void FailuresCarryTheUpstreamReason(MetricSourceType type, string reason)
    {
        var spec = new MetricSpec(type, MetricTarget.AverageValue(100));
        var proposal = Compute(spec, MetricObservation.Failed("boom"), 3, Pods(3), HpaProfile.Current, T0);

        Assert.False(proposal.IsValid);
        Assert.Equal(reason, proposal.Reason);
    }

    [Fact]
    public void EmptyExternalSeriesIsAnError() =>
        Assert.False(Compute(External(100), MetricObservation.ForExternal([]), 3, [], HpaProfile.Current, T0).IsValid);
}
