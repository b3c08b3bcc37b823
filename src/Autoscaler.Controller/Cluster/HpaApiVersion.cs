namespace Autoscaler.Controller.Cluster;

/// <summary>
/// Which autoscaling API version the controller reads and patches HPAs through: autoscaling/v2 when the apiserver
/// serves it (Kubernetes 1.23+), else autoscaling/v2beta2 (1.12 to 1.25; the local 1.20 plane serves only this).
/// The two have the same shapes for every field the controller touches (spec.minReplicas/maxReplicas/metrics,
/// status.currentReplicas/desiredReplicas), so one model (the client's V2HorizontalPodAutoscaler) reads both.
/// </summary>
public static class HpaApiVersion
{
    /// <summary>The preferred version.</summary>
    public const string V2 = "v2";

    /// <summary>The fallback version.</summary>
    public const string V2Beta2 = "v2beta2";

    /// <summary>Picks v2 or v2beta2 from the versions /apis/autoscaling lists.</summary>
    /// <param name="served">Version names served in the autoscaling group (v1, v2beta2, v2 ...).</param>
    /// <returns>"v2" or "v2beta2".</returns>
    /// <exception cref="InvalidOperationException">Neither is served (a pre-1.12 cluster).</exception>
    public static string Choose(IEnumerable<string> served)
    {
        ArgumentNullException.ThrowIfNull(served);
        var set = served.ToHashSet(StringComparer.Ordinal);
        if (set.Contains(V2))
        {
            return V2;
        }

        return set.Contains(V2Beta2)
            ? V2Beta2
            : throw new InvalidOperationException(
                $"the apiserver serves autoscaling/{string.Join(", autoscaling/", set)} but neither v2 nor v2beta2; the controller needs one of them (Kubernetes 1.12+)");
    }
}
