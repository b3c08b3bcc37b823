using System.Globalization;
using Autoscaler.Controller.Cluster;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Core.Control;
using Autoscaler.Core.Planning;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Actuation;

/// <summary>
/// Holds a floor on one HPA by server-side apply of spec.minReplicas under the field manager "autoscaler-prescale",
/// recording the owner's value in an annotation in the same apply, and restoring it (and removing the annotations)
/// when the floor ends. Idempotent: the same floor again writes nothing. On a conflict it forces only when every
/// other owner of the field wrote it imperatively (operation Update) or when --force-conflicts is set; a
/// server-side-apply owner (a GitOps tool) is reported instead.
/// </summary>
public sealed class MinReplicasActuator : IFloorActuator
{
    private readonly TargetSlot _slot;
    private readonly IClusterWriter _writer;
    private readonly bool _forceConflicts;

    /// <summary>Creates the actuator of one target.</summary>
    /// <param name="slot">The target's current HPA snapshot and requesters.</param>
    /// <param name="writer">Where applies go.</param>
    /// <param name="forceConflicts">Force over server-side-apply owners too.</param>
    public MinReplicasActuator(TargetSlot slot, IClusterWriter writer, bool forceConflicts)
    {
        _slot = slot;
        _writer = writer;
        _forceConflicts = forceConflicts;
    }

    private HpaView Hpa => _slot.Hpa;

    /// <summary>What the last call did.</summary>
    public ActuationResult Result { get; private set; }

    /// <summary>The apiserver's conflict message when <see cref="Result"/> is Conflict.</summary>
    public string? ConflictMessage { get; private set; }

    /// <summary>The floor held after the last call (null when none).</summary>
    public int? HeldFloor { get; private set; }

    /// <summary>Clears the outcome before a pass (the step calls <see cref="ApplyAsync"/> only in Auto mode).</summary>
    public void Reset()
    {
        Result = ActuationResult.Unchanged;
        ConflictMessage = null;
        HeldFloor = FloorAnnotations.AppliedFloor(Hpa);
    }

    /// <inheritdoc />
    public async ValueTask ApplyAsync(int? floor, FloorActuation actuation, CancellationToken cancellationToken)
    {
        var original = FloorAnnotations.OriginalMinReplicas(Hpa);
        if (actuation == FloorActuation.ExternalMetric)
        {
            // The adapter serves the floor from the policy's status; a floor held earlier by minReplicas is released.
            Result = FloorAnnotations.Held(Hpa) ? await RestoreAsync(original, cancellationToken).ConfigureAwait(false) : ActuationResult.Published;
            HeldFloor = floor;
            return;
        }

        if (floor is { } f && f > original)
        {
            var annotations = new Dictionary<string, string>
            {
                [AutoscalerApi.OriginalMinReplicasAnnotation] = original.ToString(CultureInfo.InvariantCulture),
                [AutoscalerApi.AppliedFloorAnnotation] = f.ToString(CultureInfo.InvariantCulture),
                [AutoscalerApi.FloorOwnersAnnotation] = _slot.Owners,
            };
            if (Hpa.MinReplicas == f && annotations.All(a => Hpa.Annotations.TryGetValue(a.Key, out var v) && v == a.Value))
            {
                Result = ActuationResult.Unchanged;
                HeldFloor = f;
                return;
            }

            var outcome = await _writer.ApplyMinReplicasAsync(Hpa, f, annotations, ShouldForce(), cancellationToken).ConfigureAwait(false);
            Result = outcome.Applied ? ActuationResult.Applied : ActuationResult.Conflict;
            ConflictMessage = outcome.Conflict;
            HeldFloor = outcome.Applied ? f : FloorAnnotations.AppliedFloor(Hpa);
            return;
        }

        HeldFloor = null;
        Result = FloorAnnotations.Held(Hpa) ? await RestoreAsync(original, cancellationToken).ConfigureAwait(false) : ActuationResult.Unchanged;
    }

    /// <summary>Restores the owner's minReplicas and drops the controller's annotations (the floor ended or moved elsewhere).</summary>
    public async ValueTask<ActuationResult> RestoreAsync(int original, CancellationToken cancellationToken)
    {
        var outcome = await _writer.ApplyMinReplicasAsync(Hpa, original, new Dictionary<string, string>(), ShouldForce(), cancellationToken).ConfigureAwait(false);
        ConflictMessage = outcome.Conflict;
        Result = outcome.Applied ? ActuationResult.Restored : ActuationResult.Conflict;
        return Result;
    }

    private bool ShouldForce() =>
        _forceConflicts || Hpa.MinReplicasOwners.All(o => o.Manager == AutoscalerApi.FieldManager || o.Operation == "Update");
}
