namespace Autoscaler.Core.Hpa;

/// <summary>A normalisation step's output: a replica count and the condition reason that explains it.</summary>
/// <param name="Replicas">The resulting replica count.</param>
/// <param name="Reason">e.g. <c>DesiredWithinRange</c>, <c>ScaleUpLimit</c>, <c>ScaleDownStabilized</c>.</param>
public readonly record struct ReplicaDecision(int Replicas, string Reason);
