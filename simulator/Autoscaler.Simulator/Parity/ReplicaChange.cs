namespace Autoscaler.Simulator.Parity;

/// <summary>The target's <c>spec.replicas</c> became <paramref name="Replicas"/> at <paramref name="At"/> seconds after the run's start.</summary>
internal sealed record ReplicaChange(double At, int Replicas);
