using Autoscaler.Core.Control;

namespace Autoscaler.Controller.Reconciling;

/// <summary>The planner's view of one HPA for one pass: the owner's minReplicas (never the raised one), maxReplicas, current replicas.</summary>
public sealed class HpaWorkloadView : IWorkloadView
{
    private readonly TargetSlot _slot;

    /// <summary>Reads the slot's current HPA snapshot.</summary>
    /// <param name="slot">The target's slot.</param>
    public HpaWorkloadView(TargetSlot slot) => _slot = slot;

    /// <inheritdoc />
    public ValueTask<WorkloadSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var hpa = _slot.Hpa;
        var min = FloorAnnotations.OriginalMinReplicas(hpa);
        return ValueTask.FromResult(new WorkloadSnapshot(min, Math.Max(min, hpa.MaxReplicas), hpa.CurrentReplicas));
    }
}
