namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>The slow-path result rules shared by the per-pod calculators (HPA_SPEC.md §6.1, §6.2).</summary>
internal static class DirectionGuard
{
    /// <summary>
    /// Current when the recomputed ratio is within tolerance or flips direction, else
    /// <c>ceil(newRatio × entries)</c>; with <paramref name="finalGuard"/>, also current when that count
    /// moves against the ratio's direction.
    /// </summary>
    public static int Result(double ratio, double newRatio, int entries, int currentReplicas, HpaTolerance tolerance, bool finalGuard)
    {
        if (tolerance.IsWithin(newRatio) || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0))
        {
            return currentReplicas;
        }

        var replicas = ReplicaMath.CeilTimes(newRatio, entries);
        if (finalGuard && ((newRatio < 1.0 && replicas > currentReplicas) || (newRatio > 1.0 && replicas < currentReplicas)))
        {
            return currentReplicas;
        }

        return replicas;
    }
}
