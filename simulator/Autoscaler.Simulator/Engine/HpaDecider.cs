using Autoscaler.Core.Quantities;
using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.Pods;
using Autoscaler.Core.Hpa.State;
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

    public HpaDecider(Scenario scenario)
    {
        _spec = HpaSpecMapper.ToSpec(scenario.Hpa);
        _options = HpaSpecMapper.ToOptions(scenario.Hpa);
        _utilization = scenario.Hpa.Metric.Type == MetricKind.Utilization;
        _needsPods = _utilization || scenario.Hpa.Metric.Value is not null;
        _requests = new Dictionary<string, long>(StringComparer.Ordinal) { ["cpu"] = scenario.Workload.CpuRequestMilli };
        _observations = [_utilization ? MetricObservation.ForPods(_samples) : MetricObservation.ForExternal(_externalValue)];
    }

    /// <summary>The spec after API defaulting, as the reconcile sees it (echoed in summary.json).</summary>
    public HpaSpec EffectiveSpec => _spec;

    /// <summary>The decision record of the last sync.</summary>
    public ReconcileResult? Last { get; private set; }

    public int Decide(in SyncContext context)
    {
        _externalValue[0] = Quantity.MilliFromDouble(context.MetricValue);
        if (_needsPods) RefreshPods(context);
        var now = new DateTimeOffset(context.Now, TimeSpan.Zero);
        Last = HpaReconciler.Reconcile(_spec, new ScaleSnapshot(context.SpecReplicas, context.StatusReplicas), _pods, _observations, _state, _options, now);
        return Last.DesiredReplicas;
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
