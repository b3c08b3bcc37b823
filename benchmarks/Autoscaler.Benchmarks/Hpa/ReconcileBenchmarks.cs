using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.Pods;
using Autoscaler.Core.Hpa.State;
using BenchmarkDotNet.Attributes;

namespace Autoscaler.Benchmarks.Hpa;

/// <summary>
/// The core's HPA reconcile alone, 10,000 consecutive syncs per invocation on a virtual 15 s clock with a
/// sinusoidal demand. The baseline, measured in the same run, computes only the External AverageValue
/// proposal arithmetic (ratio and ceiling) for the same demand: the ratios are what classification,
/// stabilisation, limits and the decision record cost on top of it.
/// </summary>
[MemoryDiagnoser]
public class ReconcileBenchmarks
{
    private const int Syncs = 10_000;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly long[] _external = new long[1];
    private readonly Dictionary<string, PodSample> _samples = new(StringComparer.Ordinal);
    private readonly List<PodSnapshot> _pods = [];
    private HpaSpec _legacy = null!;
    private HpaSpec _behavior = null!;
    private HpaSpec _cpu = null!;
    private MetricObservation?[] _externalObservation = null!;
    private MetricObservation?[] _cpuObservation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var external = new MetricSpec(MetricSourceType.External, MetricTarget.AverageValue(14_000));
        _legacy = new HpaSpec(2, 300, [external], null);
        _behavior = _legacy with { Behavior = new HpaBehavior(null, null).WithApiDefaults() };
        _cpu = new HpaSpec(2, 300, [new MetricSpec(MetricSourceType.Resource, MetricTarget.Utilization(60)) { ResourceName = "cpu" }], null);
        _externalObservation = [MetricObservation.ForExternal(_external)];
        _cpuObservation = [MetricObservation.ForPods(_samples)];
        var requests = new Dictionary<string, long> { ["cpu"] = 500 };
        for (var i = 0; i < 50; i++)
        {
            _pods.Add(new PodSnapshot($"pod-{i}", PodPhase.Running, PodReadyStatus.True, DateTimeOffset.MinValue, DateTimeOffset.MinValue, false) { RequestsMilli = requests });
        }
    }

    private static long Demand(int i) => (long)(1_000_000 * (1.5 + Math.Sin(i / 500.0)));

    /// <summary>Only the proposal arithmetic of an External AverageValue metric.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Syncs)]
    public int ProposalArithmeticOnly()
    {
        var replicas = 3;
        for (var i = 0; i < Syncs; i++)
        {
            replicas = Math.Clamp((int)Math.Ceiling((double)Demand(i) / 14_000.0), 2, 300);
        }

        return replicas;
    }

    /// <summary>External AverageValue, legacy normalisation (behavior nil).</summary>
    [Benchmark(OperationsPerInvoke = Syncs)]
    public int ExternalLegacy() => Run(_legacy, _externalObservation, pods: false);

    /// <summary>External AverageValue, behavior path with the API defaults.</summary>
    [Benchmark(OperationsPerInvoke = Syncs)]
    public int ExternalBehavior() => Run(_behavior, _externalObservation, pods: false);

    /// <summary>cpu Utilization over 50 listed pods with per-pod samples.</summary>
    [Benchmark(OperationsPerInvoke = Syncs)]
    public int CpuUtilization50Pods() => Run(_cpu, _cpuObservation, pods: true);

    private int Run(HpaSpec spec, MetricObservation?[] observations, bool pods)
    {
        var state = new HpaControllerState();
        var options = HpaControllerOptions.Default;
        var replicas = 3;
        for (var i = 0; i < Syncs; i++)
        {
            var demand = Demand(i);
            _external[0] = demand;
            if (pods)
            {
                for (var p = 0; p < _pods.Count; p++)
                {
                    _samples[_pods[p].Name] = new PodSample(demand / 4000, T0.AddSeconds(15 * i), TimeSpan.FromMinutes(1));
                }
            }

            replicas = HpaReconciler.Reconcile(spec, new ScaleSnapshot(replicas, replicas), _pods, observations, state, options, T0.AddSeconds(15 * i)).DesiredReplicas;
        }

        return replicas;
    }
}
