namespace Autoscaler.Kubernetes.Entities;

/// <summary>
/// Names shared by the CRDs in manifests/crds/, the controller and the calendar: API group and version,
/// plurals, annotation keys and the server-side-apply field manager.
/// </summary>
public static class AutoscalerApi
{
    /// <summary>API group of ScalingEvent and PredictivePolicy.</summary>
    public const string Group = "autoscaling.autoscaler.dev";

    /// <summary>The one served and stored version.</summary>
    public const string Version = "v1alpha1";

    /// <summary>apiVersion field value: group/version.</summary>
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>Plural of ScalingEvent (the resource name in URLs and RBAC).</summary>
    public const string ScalingEventPlural = "scalingevents";

    /// <summary>Plural of PredictivePolicy.</summary>
    public const string PredictivePolicyPlural = "predictivepolicies";

    /// <summary>The RBAC custom verb that allows approving a ScalingEvent or a recommendation.</summary>
    public const string ApproveVerb = "approve";

    /// <summary>Field manager of every server-side apply the controller makes on an HPA.</summary>
    public const string FieldManager = "autoscaler-prescale";

    /// <summary>HPA annotation holding spec.minReplicas as it was before the first floor (an integer).</summary>
    public const string OriginalMinReplicasAnnotation = Group + "/original-min-replicas";

    /// <summary>HPA annotation naming who holds the floor (comma-separated kind/name of events and policies).</summary>
    public const string FloorOwnersAnnotation = Group + "/floor-owners";

    /// <summary>HPA annotation with the floor the controller applied (an integer), to tell its own value from a user's edit.</summary>
    public const string AppliedFloorAnnotation = Group + "/applied-floor";

    /// <summary>
    /// The External metric the metrics adapter serves for PredictivePolicies with actuation externalMetric: one series
    /// per policy labelled <c>namespace</c>, <c>policy</c> and <c>hpa</c>, value = status.activeFloor in replicas (0 when
    /// no floor is held). An HPA lists it with an AverageValue target of 1, so its proposal is the floor.
    /// </summary>
    public const string PrescaleFloorMetric = "autoscaler_prescale_floor";
}
