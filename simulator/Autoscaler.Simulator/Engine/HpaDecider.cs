using Autoscaler.Core.Quantities;
using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.Pods;
using Autoscaler.Core.Hpa.State;
using Autoscaler.Core.Planning;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Engine;

/// <summary>
/// Feeds each sync to the core's <see cref="HpaReconciler.Reconcile"/>: the one HPA decision the live
/// controller also uses. Keeps the controller's memory across syncs and reuses its inputs (observation,
/// pod snapshots, sample map) so a sync allocates only what the reconcile itself allocates.
/// </summary>
internal sealed class HpaDecider : IReplicaDecider
{
    private static readonly TimeSpan SampleWindow = TimeSpan.FromMinutes(1);
    private readonly HpaSpec _spec;
    private readonly HpaControllerOptions _options;
    private readonly HpaControllerState _state = new();
    private readonly bool _needsPods;
    private readonly bool _utilization;
    private readonly long[] _externalValue = new long[1];
    private readonly MetricObservation?[] _observations;
    private readonly List<PodSnapshot> _pods = [];
    private readonly List<(long Id, bool Ready)> _podKeys = [];
    private readonly Dictionary<string, PodSample> _samples = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _requests;
    private readonly FloorActuation? _actuation;
    private readonly long[] _floorValue = new long[1];
    private HpaSpec _floorSpec;
    private int _floorSpecFor;

    public HpaDecider(Scenario scenario)
    {
        _spec = HpaSpecMapper.ToSpec(scenario.Hpa);
        _options = HpaSpecMapper.ToOptions(scenario.Hpa);
        _utilization = scenario.Hpa.Metric.Type == MetricKind.Utilization;
        _needsPods = _utilization || scenario.Hpa.Metric.Value is not null;
        _requests = new Dictionary<string, long>(StringComparer.Ordinal) { ["cpu"] = scenario.Workload.CpuRequestMilli };
        var own = _utilization ? MetricObservation.ForPods(_samples) : MetricObservation.ForExternal(_externalValue);
        _actuation = scenario.Prescale?.Actuation;
        if (_actuation == FloorActuation.ExternalMetric)
        {
            // The floor served as an External metric beside the HPA's own: AverageValue 1 per replica, value = floor.
            _spec = _spec with { Metrics = [.. _spec.Metrics, new MetricSpec(MetricSourceType.External, MetricTarget.AverageValue(1000)) { MetricName = FloorMetric }] };
            _observations = [own, MetricObservation.ForExternal(_floorValue)];
        }
        else
        {
            _observations = [own];
        }

        _floorSpec = _spec;
    }

    /// <summary>The External metric that carries the floor when the actuation is <c>externalMetric</c>.</summary>
    public const string FloorMetric = "prescale_floor_replicas";

    /// <summary>The spec after API defaulting, as the reconcile sees it (echoed in summary.json).</summary>
    public HpaSpec EffectiveSpec => _spec;

    /// <summary>The decision record of the last sync.</summary>
    public ReconcileResult? Last { get; private set; }

    public int Decide(in SyncContext context)
    {
        _externalValue[0] = Quantity.MilliFromDouble(context.MetricValue);
        if (_needsPods) RefreshPods(context);
        var now = new DateTimeOffset(context.Now, TimeSpan.Zero);
        Last = HpaReconciler.Reconcile(SpecFor(context.Floor), new ScaleSnapshot(context.SpecReplicas, context.StatusReplicas), _pods, _observations, _state, _options, now);
        return Last.DesiredReplicas;
    }

    // minReplicas actuation raises spec.minReplicas (a new spec only when the floor changes); externalMetric sets the metric's value.
    private HpaSpec SpecFor(int floor)
    {
        if (_actuation == FloorActuation.ExternalMetric)
        {
            _floorValue[0] = (long)floor * 1000;
            return _spec;
        }

        var min = Math.Max(_spec.MinReplicas ?? 1, floor);
        if (floor == 0 || min == (_spec.MinReplicas ?? 1)) return _spec;
        if (_floorSpecFor != min) (_floorSpec, _floorSpecFor) = (_spec with { MinReplicas = min }, min);
        return _floorSpec;
    }

    // Pod snapshots are immutable records: rebuild one only when the pod at that position changed identity or readiness.
    private void RefreshPods(in SyncContext context)
    {
        var index = 0;
        foreach (var (id, created, readyAt) in context.ReadyPods) Put(index++, id, true, created, readyAt);
        foreach (var (id, created) in context.StartingPods) Put(index++, id, false, created, created);
        if (_pods.Count > index)
        {
            _pods.RemoveRange(index, _pods.Count - index);
            _podKeys.RemoveRange(index, _podKeys.Count - index);
        }

        if (!_utilization) return;
        _samples.Clear();
        var now = new DateTimeOffset(context.Now, TimeSpan.Zero);
        for (var i = 0; i < _pods.Count; i++)
        {
            // Starting pods report near-zero CPU: the reconcile's readiness rules decide whether to trust it.
            _samples[_pods[i].Name] = new PodSample(_podKeys[i].Ready ? context.PodCpuMilli : 0, now, SampleWindow);
        }
    }

    private void Put(int index, long id, bool ready, long created, long readyAt)
    {
        if (index < _podKeys.Count && _podKeys[index] == (id, ready)) return;
        var pod = new PodSnapshot(
            $"pod-{id}",
            PodPhase.Running,
            ready ? PodReadyStatus.True : PodReadyStatus.False,
            new DateTimeOffset(readyAt, TimeSpan.Zero),
            new DateTimeOffset(created, TimeSpan.Zero),
            Deleting: false) { RequestsMilli = _requests };
        if (index < _pods.Count)
        {
            _pods[index] = pod;
            _podKeys[index] = (id, ready);
        }
        else
        {
            _pods.Add(pod);
            _podKeys.Add((id, ready));
        }
    }
}
