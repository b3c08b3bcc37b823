using System.Globalization;
using Autoscaler.Controller.Cluster;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// Reads the state the controller keeps on an HPA so that a restart or a new leader resumes without losing the owner's
/// minReplicas or applying a floor twice: the original minReplicas and the floor last applied.
/// </summary>
public static class FloorAnnotations
{
    /// <summary>The floor the controller last applied, or null when it holds none.</summary>
    public static int? AppliedFloor(HpaView hpa) => Int(hpa, AutoscalerApi.AppliedFloorAnnotation);

    /// <summary>True when the controller's annotations are on the HPA (a floor is held or must be released).</summary>
    public static bool Held(HpaView hpa) =>
        hpa.Annotations.ContainsKey(AutoscalerApi.OriginalMinReplicasAnnotation) || hpa.Annotations.ContainsKey(AutoscalerApi.AppliedFloorAnnotation);

    /// <summary>
    /// The owner's minReplicas: spec.minReplicas when no floor is held; the recorded original while one is; and, when
    /// someone changed spec.minReplicas away from the floor the controller applied, their new value (their intent wins).
    /// </summary>
    public static int OriginalMinReplicas(HpaView hpa)
    {
        ArgumentNullException.ThrowIfNull(hpa);
        var original = Int(hpa, AutoscalerApi.OriginalMinReplicasAnnotation);
        var applied = AppliedFloor(hpa);
        if (original is null || (applied is { } floor && floor != hpa.MinReplicas))
        {
            return hpa.MinReplicas;
        }

        return original.Value;
    }

    /// <summary>True when spec.minReplicas differs from the floor the controller applied (someone else wrote it).</summary>
    public static bool ChangedByOthers(HpaView hpa) => AppliedFloor(hpa) is { } floor && floor != hpa.MinReplicas;

    private static int? Int(HpaView hpa, string key) =>
        hpa.Annotations.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
