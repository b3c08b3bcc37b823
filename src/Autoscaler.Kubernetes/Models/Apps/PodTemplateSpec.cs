namespace Autoscaler.Kubernetes.Models;

/// <summary>A pod template: metadata and spec for the pods a workload creates.</summary>
public sealed class PodTemplateSpec : KubernetesModel
{
    /// <summary>Labels and annotations of the created pods.</summary>
    public ObjectMeta? Metadata { get; set; }

    /// <summary>Spec of the created pods.</summary>
    public PodSpec? Spec { get; set; }
}
