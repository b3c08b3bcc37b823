using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.Pods;

namespace Autoscaler.Core.Tests.Hpa;

/// <summary>Small builders for pods, samples and metrics used across the HPA tests.</summary>
internal static class HpaFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static MetricSpec Cpu(int percent) => new(MetricSourceType.Resource, MetricTarget.Utilization(percent)) { ResourceName = "cpu" };

    public static MetricSpec External(long averageValueMilli) => new(MetricSourceType.External, MetricTarget.AverageValue(averageValueMilli)) { MetricName = "demand" };

    /// <summary>A long-running ready pod (started and ready at the zero time) with a cpu request.</summary>
    public static PodSnapshot Pod(string name, long cpuRequest = 1000, PodPhase phase = PodPhase.Running, PodReadyStatus ready = PodReadyStatus.True,
        DateTimeOffset? start = null, DateTimeOffset? readySince = null, bool deleting = false) =>
        new(name, phase, ready, readySince ?? DateTimeOffset.MinValue, start ?? DateTimeOffset.MinValue, deleting)
        {
            RequestsMilli = new Dictionary<string, long> { ["cpu"] = cpuRequest },
        };

    public static List<PodSnapshot> Pods(int count, long cpuRequest = 1000) =>
        Enumerable.Range(0, count).Select(i => Pod($"p{i}", cpuRequest)).ToList();

    /// <summary>Samples taken at <paramref name="now"/> with a 60 s window, by pod name.</summary>
    public static MetricObservation Samples(DateTimeOffset now, params (string Pod, long Milli)[] samples) =>
        MetricObservation.ForPods(samples.ToDictionary(s => s.Pod, s => new PodSample(s.Milli, now, TimeSpan.FromSeconds(60))));

    public static MetricObservation SameUsage(IEnumerable<PodSnapshot> pods, long milli, DateTimeOffset now) =>
        Samples(now, pods.Select(p => (p.Name, milli)).ToArray());

    public static HpaControllerOptions Options(HpaProfile profile) => new() { Profile = profile };

    public static MetricProposal Compute(MetricSpec spec, MetricObservation observation, int current, IReadOnlyList<PodSnapshot> pods,
        HpaProfile profile, DateTimeOffset now, int? statusReplicas = null)
    {
        var options = Options(profile);
        return ReplicaCalculator.Compute(spec, observation, new ScaleSnapshot(current, statusReplicas ?? current), pods,
            HpaTolerance.For(options, null), options, now);
    }
}
