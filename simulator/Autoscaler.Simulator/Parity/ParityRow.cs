namespace Autoscaler.Simulator.Parity;

/// <summary>The i-th replica change of both trajectories side by side; a side is null when it has fewer changes.</summary>
/// <param name="Index">1-based position in the sequence of changes.</param>
/// <param name="Simulated">The simulator's change.</param>
/// <param name="Real">The real controller's change.</param>
/// <param name="Problem">Why the pair disagrees, or null when it agrees.</param>
internal sealed record ParityRow(int Index, ReplicaChange? Simulated, ReplicaChange? Real, string? Problem)
{
    /// <summary>Real minus simulated time, seconds, when both sides exist.</summary>
    public double? LagSeconds => Simulated is { } s && Real is { } r ? r.At - s.At : null;
}
