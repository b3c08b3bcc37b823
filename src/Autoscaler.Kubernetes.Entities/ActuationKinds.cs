namespace Autoscaler.Kubernetes.Entities;

/// <summary>The values of <see cref="PredictivePolicySpec.Actuation"/>.</summary>
public static class ActuationKinds
{
    /// <summary>Server-side apply of the HPA's spec.minReplicas (exact).</summary>
    public const string MinReplicas = "minReplicas";

    /// <summary>The floor published in status and served by the adapter as autoscaler_prescale_floor.</summary>
    public const string ExternalMetric = "externalMetric";
}
