using Autoscaler.Simulator.Engine;

namespace Autoscaler.Simulator.Keda;

/// <summary>
/// KEDA's activation phase in front of the HPA model: every <see cref="KedaModel.PollingIntervalSeconds"/> KEDA reads
/// the trigger's metric (the same delayed value the HPA reads); a value strictly above the activation threshold is
/// active. An idle workload that turns active is set to <see cref="KedaModel.ActiveReplicas"/>; an active one that has
/// been inactive for <see cref="KedaModel.CooldownPeriodSeconds"/> since the last active poll (at once if it never was)
/// is set to <see cref="KedaModel.IdleReplicas"/>, whatever the HPA would want (activation wins). At zero replicas
/// the HPA does not act; otherwise every sync is the HPA's. Polls land on the first HPA sync at or after each polling
/// instant, so they are exact when pollingInterval is a multiple of the sync period (30 s and 15 s by default).
/// With <see cref="KedaModel.UseCachedMetrics"/> the HPA reads the value of the last poll.
/// </summary>
internal sealed class KedaDecider(KedaModel keda, IReplicaDecider hpa, DateTime start) : IReplicaDecider
{
    private readonly TimeSpan _polling = TimeSpan.FromSeconds(keda.PollingIntervalSeconds);
    private readonly DateTime _cooldownFrom = start.AddSeconds(keda.InitialCooldownPeriodSeconds);
    private DateTime _nextPoll = start;
    private DateTime? _lastActive;
    private double _polledValue;

    public int Decide(in SyncContext context)
    {
        var idle = context.SpecReplicas <= keda.IdleReplicas;
        var poll = context.Now >= _nextPoll;
        if (poll)
        {
            while (_nextPoll <= context.Now) _nextPoll += _polling;
            _polledValue = context.MetricValue;
        }

        if (keda.ScalesToIdle && poll)
        {
            var active = context.MetricValue > keda.ActivationThreshold;
            if (active)
            {
                _lastActive = context.Now;
                if (idle) return keda.ActiveReplicas;
            }
            else if (!idle && context.Now >= _cooldownFrom && (_lastActive is null || context.Now - _lastActive >= TimeSpan.FromSeconds(keda.CooldownPeriodSeconds)))
            {
                return keda.IdleReplicas;
            }
        }

        // The HPA leaves a workload at zero replicas alone (scaling is disabled there); above zero it decides.
        if (keda.ScalesToIdle && context.SpecReplicas == 0) return 0;
        if (!keda.UseCachedMetrics) return hpa.Decide(context);
        return hpa.Decide(context with { MetricValue = _polledValue });
    }
}
