using Autoscaler.Controller.Actuation;
using Autoscaler.Controller.Cluster;
using Autoscaler.Core.Control;
using Autoscaler.Core.Planning;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// One target's long-lived <see cref="PreScaleStep"/> with its actuator and sink. Rebuilt when the mapped policy's
/// fingerprint changes; otherwise kept, so the forecast is refitted on its own cadence, not every pass.
/// </summary>
public sealed class TargetRunner
{
    /// <summary>Creates the runner.</summary>
    /// <param name="slot">The target's per-pass inputs.</param>
    /// <param name="policy">The mapped policy.</param>
    /// <param name="fingerprint">Its fingerprint.</param>
    /// <param name="history">History source.</param>
    /// <param name="writer">Cluster writes.</param>
    /// <param name="forceConflicts">Force SSA over declarative owners too.</param>
    /// <param name="time">Clock.</param>
    public TargetRunner(TargetSlot slot, PreScalePolicy policy, string fingerprint, IHistorySource history, IClusterWriter writer, bool forceConflicts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Slot = slot;
        Fingerprint = fingerprint;
        Policy = policy;
        Actuator = new MinReplicasActuator(slot, writer, forceConflicts);
        Sink = new RecordingSink();
        Step = new PreScaleStep(policy, history, new HpaWorkloadView(slot), Actuator, Sink, time);
        CreatedAt = time.GetUtcNow();
    }

    /// <summary>When the runner was built: its first fit has been due since then.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Per-pass inputs.</summary>
    public TargetSlot Slot { get; }

    /// <summary>The mapping's fingerprint.</summary>
    public string Fingerprint { get; }

    /// <summary>The mapped policy.</summary>
    public PreScalePolicy Policy { get; }

    /// <summary>The actuator (its result tells what the pass wrote).</summary>
    public MinReplicasActuator Actuator { get; }

    /// <summary>The last record.</summary>
    public RecordingSink Sink { get; }

    /// <summary>Core's step.</summary>
    public PreScaleStep Step { get; }

    /// <summary>Runs one step on the current snapshot.</summary>
    /// <param name="run">
    /// How: <see cref="StepRun.DeferFit"/> when this pass's refit budget (<see cref="RefitGrants"/>) has no room for the
    /// step's fit (a due refit or its first fit); <see cref="StepRun.WithholdForecastFloors"/> while the trust gate
    /// withholds the policy's forecast (Core's split: events act, the forecast is <see cref="PreScaleStep.Recommendation"/>).
    /// </param>
    /// <param name="cancellationToken">Cancellation.</param>
    public ValueTask<PlanResult> RunAsync(StepRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        Actuator.Reset();
        return Step.RunOnceAsync(run, cancellationToken);
    }
}
