using Autoscaler.Core.Control;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.Planning;

namespace Autoscaler.Simulator.Prescale;

/// <summary>
/// The simulator's edges of the pre-scale step: the workload view (the HPA's own bounds and the engine's current
/// replicas), the floor actuator (stores the floor the engine hands to the HPA model at its next sync), and the
/// decision sink (keeps every record where the floor, the reason, the event or the floor the trust gate withheld changed).
/// </summary>
internal sealed class SimulatedCluster(int hpaMin, int hpaMax) : IWorkloadView, IFloorActuator, IDecisionSink
{
    private DecisionRecord? _last;

    public int CurrentReplicas { get; set; }

    /// <summary>The floor the actuator holds (0: none).</summary>
    public int Floor { get; private set; }

    /// <summary>The floor the last record computed, applied or not (observe and recommend modes).</summary>
    public int PlannedFloor { get; private set; }

    public List<DecisionRecord> Changes { get; } = [];

    /// <summary>Steps whose record carries a floor the trust gate withheld.</summary>
    public int WithheldSteps { get; private set; }

    public ValueTask<WorkloadSnapshot> ReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new WorkloadSnapshot(hpaMin, hpaMax, CurrentReplicas));

    public ValueTask ApplyAsync(int? floor, FloorActuation actuation, CancellationToken cancellationToken)
    {
        Floor = floor ?? 0;
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        PlannedFloor = record.Floor ?? 0;
        if (record.WithheldFloor is not null) WithheldSteps++;
        if (_last is null || _last.Floor != record.Floor || _last.Reason != record.Reason || _last.Event != record.Event || _last.WithheldFloor != record.WithheldFloor) Changes.Add(record);
        _last = record;
        return ValueTask.CompletedTask;
    }
}
