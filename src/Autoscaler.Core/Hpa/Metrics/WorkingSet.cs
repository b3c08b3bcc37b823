namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>Shared steps of the per-pod calculators: the mutable sample map and the slow-path guards.</summary>
internal static class WorkingSet
{
    /// <summary>The samples as a mutable map, without ignored and unready pods (superfluous pods stay).</summary>
    public static Dictionary<string, long> Without(IReadOnlyDictionary<string, PodSample> samples, List<string> ignored, List<string> unready)
    {
        var metrics = new Dictionary<string, long>(samples.Count, StringComparer.Ordinal);
        if (samples is Dictionary<string, PodSample> concrete)
        {
            // Enumerating the concrete type avoids boxing an enumerator on every sync.
            foreach (var (name, sample) in concrete)
            {
                metrics[name] = sample.ValueMilli;
            }
        }
        else
        {
            foreach (var (name, sample) in samples)
            {
                metrics[name] = sample.ValueMilli;
            }
        }

        foreach (var name in ignored)
        {
            metrics.Remove(name);
        }

        foreach (var name in unready)
        {
            metrics.Remove(name);
        }

        return metrics;
    }

    /// <summary>
    /// The slow-path result: current when the recomputed ratio is within tolerance or flips direction,
    /// else <c>ceil(newRatio × entries)</c>; with <paramref name="finalGuard"/>, also current when that
    /// count moves against the ratio's direction.
    /// </summary>
    public static int Guarded(double ratio, double newRatio, int entries, int currentReplicas, HpaTolerance tolerance, bool finalGuard)
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
