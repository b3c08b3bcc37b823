using Autoscaler.Core.Planning;

namespace Autoscaler.Core.Control;

/// <summary>
/// Hands a floor to the HPA: by raising its minReplicas, or by serving the floor External metric. Called only in
/// <see cref="PlanningMode.Auto"/>, every step (idempotent: the same floor again changes nothing).
/// </summary>
public interface IFloorActuator
{
    /// <summary>Holds <paramref name="floor"/> replicas as a lower bound, or none when null (the HPA's own minReplicas rules again).</summary>
    ValueTask ApplyAsync(int? floor, FloorActuation actuation, CancellationToken cancellationToken);
}
