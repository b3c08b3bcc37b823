namespace Autoscaler.Controller.Cluster;

/// <summary>
/// What the controller needs of one HPA, whichever API version it was read through (see <see cref="HpaMapper"/>).
/// </summary>
/// <param name="Namespace">Namespace.</param>
/// <param name="Name">HPA name.</param>
/// <param name="ApiVersion">"v2" or "v2beta2": the version it was read through and will be patched through.</param>
/// <param name="MinReplicas">spec.minReplicas as stored now (1 when absent, the API default).</param>
/// <param name="MaxReplicas">spec.maxReplicas.</param>
/// <param name="CurrentReplicas">status.currentReplicas (0 before the HPA's first sync).</param>
/// <param name="DesiredReplicas">status.desiredReplicas.</param>
/// <param name="Labels">metadata.labels (for event hpaSelector).</param>
/// <param name="Annotations">metadata.annotations (original minReplicas, applied floor, owners).</param>
/// <param name="MinReplicasOwners">Field managers owning spec.minReplicas, with their operation (Apply or Update).</param>
/// <param name="AverageValueTarget">The first Pods/Object/External metric's AverageValue target, if any (load per replica).</param>
/// <param name="ScaleTargetName">spec.scaleTargetRef.name (the Deployment whose pods give lead time).</param>
public sealed record HpaView(
    string Namespace,
    string Name,
    string ApiVersion,
    int MinReplicas,
    int MaxReplicas,
    int CurrentReplicas,
    int DesiredReplicas,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<FieldOwner> MinReplicasOwners,
    double? AverageValueTarget,
    string? ScaleTargetName)
{
    /// <summary>namespace/name.</summary>
    public string Key => Namespace + "/" + Name;
}
