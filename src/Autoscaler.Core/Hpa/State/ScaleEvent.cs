namespace Autoscaler.Core.Hpa.State;

/// <summary>A past rescale in one direction, kept for the behavior rate policies.</summary>
/// <param name="ReplicaChange">Size of the change (≥ 0).</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Outdated">Sticky flag: older than the direction's longest policy period, free for reuse.</param>
public readonly record struct ScaleEvent(int ReplicaChange, DateTimeOffset Timestamp, bool Outdated = false);
