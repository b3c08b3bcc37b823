namespace Autoscaler.Simulator.Manifests;

/// <summary>A kind of object the simulator replays from a manifest file, with the API versions it reads.</summary>
/// <param name="Kind">The <c>kind</c> field, e.g. HorizontalPodAutoscaler.</param>
/// <param name="ApiVersions">The <c>apiVersion</c>s read (one shape for every field a replay uses).</param>
/// <param name="VersionHint">What to do about another apiVersion, ending the error message.</param>
internal sealed record ManifestKind(string Kind, IReadOnlyList<string> ApiVersions, string VersionHint)
{
    /// <summary>autoscaling/v2 or v2beta2 HorizontalPodAutoscalers.</summary>
    public static readonly ManifestKind Hpa = new("HorizontalPodAutoscaler", ["autoscaling/v2", "autoscaling/v2beta2"],
        "give the HPA as autoscaling/v2 or autoscaling/v2beta2 (kubectl get hpa.v2.autoscaling NAME -o yaml)");

    /// <summary>KEDA ScaledObjects (keda.sh/v1alpha1).</summary>
    public static readonly ManifestKind ScaledObject = new("ScaledObject", ["keda.sh/v1alpha1"],
        "give the ScaledObject as keda.sh/v1alpha1 (kubectl get scaledobject NAME -o yaml)");
}
