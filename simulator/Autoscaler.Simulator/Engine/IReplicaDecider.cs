namespace Autoscaler.Simulator.Engine;

/// <summary>
/// The engine's seam to the HPA: given what the controller sees, the replica count it writes. The shipped
/// implementation calls the core's reconcile; tests plug in scripted deciders to check the engine alone.
/// </summary>
internal interface IReplicaDecider
{
    /// <summary>Returns the desired replicas; the engine applies them at once.</summary>
    int Decide(in SyncContext context);
}
